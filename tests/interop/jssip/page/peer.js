/* Browser side of jssip-peer.mjs: one JsSIP user agent with real WebRTC audio.
 *
 * window.peerStart(cfg) starts it; every fact goes to window.peerEmit({event, ...}) (a function
 * exposed by the Node side, which prints it as one JSON line); console.* goes to the Node side's
 * stderr. window.peerShutdown() hangs up, unregisters and resolves when the UA has stopped.
 */
/* global JsSIP */
'use strict';

(() => {
    const emit = (obj) => {
        try {
            window.peerEmit(obj);
        } catch (e) {
            console.error('[peer] peerEmit failed:', e && e.message);
        }
    };
    const log = (...args) => console.log('[peer]', ...args);
    const round = (x, digits = 6) => (typeof x === 'number' && Number.isFinite(x) ? Number(x.toFixed(digits)) : x);

    let cfg = null;
    let ua = null;
    let session = null;
    let audioCtx = null;
    let localStream = null;
    let analyser = null;
    let analyserBuf = null;
    let analyserTimer = null;
    let analyserSum = 0; // sum of squared RMS snapshots since the last "audio" event
    let analyserCount = 0;
    let statsTimer = null;
    let hangupTimer = null;
    let prevInbound = null;
    let prevOutbound = null;
    let mediaReported = false;
    let callStarted = false;

    function ctx() {
        if (!audioCtx) audioCtx = new AudioContext({ sampleRate: 48000 });
        return audioCtx;
    }

    /** The audio we send: a steady sine (OscillatorNode -> MediaStreamDestination), or with
     *  toneHz = 0 the fake capture device (Chromium's periodic beep) through getUserMedia. */
    async function makeLocalStream() {
        if (cfg.toneHz > 0) {
            const ac = ctx();
            if (ac.state !== 'running') await ac.resume();
            const osc = ac.createOscillator();
            osc.type = 'sine';
            osc.frequency.value = cfg.toneHz;
            const gain = ac.createGain();
            gain.gain.value = cfg.toneGain;
            const dest = ac.createMediaStreamDestination();
            osc.connect(gain).connect(dest);
            osc.start();
            log(`sending a ${cfg.toneHz} Hz sine, amplitude ${cfg.toneGain} (AudioContext ${ac.state}, ${ac.sampleRate} Hz)`);
            return dest.stream;
        }
        const s = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
        log('sending the fake capture device:', s.getAudioTracks().map((t) => t.label).join(', '));
        return s;
    }

    /** Keep only loopback host candidates (127.0.0.0/8, ::1) in a local SDP. */
    function filterLoopback(sdp) {
        return sdp.split('\r\n').filter((line) => {
            const m = /^a=candidate:\S+ \d+ \S+ \d+ (\S+) \d+ typ /.exec(line);
            return !m || m[1].startsWith('127.') || m[1] === '::1';
        }).join('\r\n');
    }

    /** Remote audio: played by an <audio> element (Chromium only decodes, and only fills
     *  audioLevel/totalAudioEnergy, for a remote track that has a sink) and tapped by an
     *  AnalyserNode as a second opinion on the received signal. */
    function hookRemoteStream(stream) {
        if (analyser) return;
        const el = document.getElementById('remote');
        el.srcObject = stream;
        el.play().catch((e) => log('remote <audio>.play() failed:', e.message));
        const ac = ctx();
        if (ac.state !== 'running') ac.resume().catch(() => {});
        const src = ac.createMediaStreamSource(stream);
        analyser = ac.createAnalyser();
        analyser.fftSize = 2048;
        analyserBuf = new Float32Array(analyser.fftSize);
        src.connect(analyser);
        // Snapshots every 50 ms (2048 samples = 43 ms each), averaged per "audio" event.
        analyserTimer = setInterval(() => {
            const r = analyserSnapshotRms();
            analyserSum += r * r;
            analyserCount += 1;
        }, 50);
        log('remote audio track attached:', stream.getAudioTracks().map((t) => t.id).join(', '));
    }

    function watchPeerConnection(pc) {
        pc.addEventListener('track', (ev) => {
            if (ev.track.kind !== 'audio') return;
            hookRemoteStream(ev.streams && ev.streams[0] ? ev.streams[0] : new MediaStream([ev.track]));
        });
        pc.addEventListener('iceconnectionstatechange', () => {
            emit({ event: 'iceState', state: pc.iceConnectionState });
        });
        pc.addEventListener('connectionstatechange', () => {
            emit({ event: 'pcState', state: pc.connectionState });
        });
    }

    function analyserSnapshotRms() {
        analyser.getFloatTimeDomainData(analyserBuf);
        let sum = 0;
        for (const v of analyserBuf) sum += v * v;
        return Math.sqrt(sum / analyserBuf.length);
    }

    /** RMS of the received signal (WebAudio) over the period since the last call. */
    function analyserRms() {
        if (!analyser) return null;
        const r = analyserCount ? Math.sqrt(analyserSum / analyserCount) : analyserSnapshotRms();
        analyserSum = 0;
        analyserCount = 0;
        return r;
    }

    function candidateText(c) {
        if (!c) return null;
        return `${c.address || c.ip}:${c.port} ${c.protocol} ${c.candidateType}`;
    }

    async function sampleStats() {
        const pc = session && session.connection;
        if (!pc) return;
        if (!analyser) {
            const r = pc.getReceivers().find((x) => x.track && x.track.kind === 'audio');
            if (r) hookRemoteStream(new MediaStream([r.track]));
        }
        const report = await pc.getStats();
        if (!statsTimer) return; // the call ended while getStats() was running
        let inbound = null;
        let outbound = null;
        let source = null;
        let transport = null;
        report.forEach((s) => {
            if (s.type === 'inbound-rtp' && s.kind === 'audio') inbound = s;
            else if (s.type === 'outbound-rtp' && s.kind === 'audio') outbound = s;
            else if (s.type === 'media-source' && s.kind === 'audio') source = s;
            else if (s.type === 'transport') transport = s;
        });
        const out = { event: 'audio' };
        if (inbound) {
            const energy = inbound.totalAudioEnergy || 0;
            const duration = inbound.totalSamplesDuration || 0;
            const dE = prevInbound ? energy - prevInbound.energy : energy;
            const dT = prevInbound ? duration - prevInbound.duration : duration;
            prevInbound = { energy, duration };
            out.inboundEnergy = round(dE, 8);
            out.inboundAvgLevel = round(dT > 0 ? Math.sqrt(Math.max(dE, 0) / dT) : 0, 4);
            out.audioLevel = round(inbound.audioLevel || 0, 4);
            out.packetsReceived = inbound.packetsReceived || 0;
            out.packetsLost = inbound.packetsLost || 0;
            out.bytesReceived = inbound.bytesReceived || 0;
            out.jitter = inbound.jitter;
        } else {
            out.inboundEnergy = 0;
            out.inboundAvgLevel = 0;
            out.audioLevel = 0;
            out.packetsReceived = 0;
        }
        out.analyserRms = round(analyserRms(), 4);
        if (outbound) {
            out.packetsSent = outbound.packetsSent || 0;
            out.bytesSent = outbound.bytesSent || 0;
        } else {
            out.packetsSent = 0;
            out.bytesSent = 0;
        }
        if (source) {
            const energy = source.totalAudioEnergy || 0;
            const duration = source.totalSamplesDuration || 0;
            const dE = prevOutbound ? energy - prevOutbound.energy : energy;
            const dT = prevOutbound ? duration - prevOutbound.duration : duration;
            prevOutbound = { energy, duration };
            out.outboundLevel = round(source.audioLevel || 0, 4);
            out.outboundAvgLevel = round(dT > 0 ? Math.sqrt(Math.max(dE, 0) / dT) : 0, 4);
        }
        emit(out);

        if (!mediaReported && inbound && inbound.packetsReceived > 0) {
            mediaReported = true;
            const codec = inbound.codecId ? report.get(inbound.codecId) : null;
            const pair = transport && transport.selectedCandidatePairId ? report.get(transport.selectedCandidatePairId) : null;
            emit({
                event: 'media',
                codec: codec ? `${codec.mimeType}/${codec.clockRate}${codec.channels ? '/' + codec.channels : ''}` : null,
                payloadType: codec ? codec.payloadType : null,
                fmtp: codec ? codec.sdpFmtpLine : null,
                localCandidate: pair ? candidateText(report.get(pair.localCandidateId)) : null,
                remoteCandidate: pair ? candidateText(report.get(pair.remoteCandidateId)) : null,
                dtlsState: transport ? transport.dtlsState : null,
                dtlsRole: transport ? transport.dtlsRole : null,
                iceRole: transport ? transport.iceRole : null,
                srtpCipher: transport ? transport.srtpCipher : null,
                tlsVersion: transport ? transport.tlsVersion : null,
            });
        }
    }

    function startStats() {
        if (statsTimer) return;
        statsTimer = setInterval(() => {
            sampleStats().catch((e) => log('getStats failed:', e.message));
        }, cfg.statsIntervalMs);
    }

    function stopStats() {
        if (statsTimer) clearInterval(statsTimer);
        statsTimer = null;
        if (analyserTimer) clearInterval(analyserTimer);
        analyserTimer = null;
        if (hangupTimer) clearTimeout(hangupTimer);
        hangupTimer = null;
    }

    function releaseMedia() {
        if (localStream) localStream.getTracks().forEach((t) => t.stop());
        localStream = null;
    }

    function wireSession(s, direction) {
        session = s;
        if (s.connection) watchPeerConnection(s.connection);
        s.on('peerconnection', (e) => watchPeerConnection(e.peerconnection));
        s.on('sdp', (e) => {
            if (e.originator === 'local' && cfg.candidates === 'loopback') e.sdp = filterLoopback(e.sdp);
            if (cfg.printSdp) emit({ event: 'sdp', originator: e.originator, type: e.type, sdp: e.sdp });
        });
        s.on('progress', (e) => emit({
            event: 'progress', originator: e.originator, status: e.response ? e.response.status_code : null,
        }));
        s.on('accepted', (e) => emit({ event: 'accepted', originator: e.originator }));
        s.on('confirmed', (e) => {
            emit({ event: 'confirmed', originator: e.originator });
            startStats();
            if (cfg.hangupAfter > 0) {
                hangupTimer = setTimeout(() => {
                    log(`hanging up after ${cfg.hangupAfter} s`);
                    try { s.terminate(); } catch (err) { log('terminate failed:', err.message); }
                }, cfg.hangupAfter * 1000);
            }
        });
        s.on('ended', (e) => {
            stopStats();
            releaseMedia();
            emit({ event: 'ended', originator: e.originator, cause: e.cause });
        });
        s.on('failed', (e) => {
            stopStats();
            releaseMedia();
            emit({
                event: 'failed', originator: e.originator, cause: e.cause,
                status: e.message && e.message.status_code ? e.message.status_code : null,
            });
        });
        emit({
            event: 'newRTCSession', direction,
            remote: s.remote_identity ? s.remote_identity.uri.toString() : null,
            local: s.local_identity ? s.local_identity.uri.toString() : null,
        });
    }

    const pcConfig = () => ({ iceServers: [], rtcpMuxPolicy: 'require', bundlePolicy: 'max-bundle' });

    async function dial() {
        callStarted = true;
        localStream = await makeLocalStream();
        log('calling', cfg.dial);
        ua.call(cfg.dial, {
            mediaStream: localStream,
            pcConfig: pcConfig(),
            rtcOfferConstraints: { offerToReceiveAudio: true, offerToReceiveVideo: false },
        });
    }

    async function answer(s) {
        try {
            localStream = await makeLocalStream();
            if (s.isEnded()) return;
            log('answering');
            s.answer({ mediaStream: localStream, pcConfig: pcConfig() });
        } catch (e) {
            emit({ event: 'error', message: `answer failed: ${e.message}` });
            try { s.terminate({ status_code: 500 }); } catch (_) { /* already gone */ }
        }
    }

    window.peerStart = async (config) => {
        cfg = config;
        if (cfg.debug) JsSIP.debug.enable('JsSIP:*');
        else JsSIP.debug.disable();
        log(`JsSIP ${JsSIP.version}, ${navigator.userAgent}`);

        const socket = new JsSIP.WebSocketInterface(cfg.ws);
        ua = new JsSIP.UA({
            sockets: [socket],
            uri: `sip:${cfg.user}@${cfg.domain}`,
            password: cfg.password,
            display_name: cfg.user,
            register: true,
            register_expires: cfg.registerExpires,
            session_timers: false,
            user_agent: `callboard-jssip-peer (JsSIP ${JsSIP.version})`,
            connection_recovery_min_interval: 1,
            connection_recovery_max_interval: 4,
        });
        ua.on('connected', () => emit({ event: 'connected' }));
        ua.on('disconnected', (e) => emit({
            event: 'disconnected', error: !!(e && e.error), code: e && e.code, reason: e && e.reason,
        }));
        ua.on('registered', () => {
            emit({ event: 'registered' });
            if (cfg.dial && !callStarted) {
                dial().catch((e) => emit({ event: 'error', message: `call failed to start: ${e.message}`, fatal: true }));
            }
        });
        ua.on('unregistered', () => emit({ event: 'unregistered' }));
        ua.on('registrationFailed', (e) => emit({
            event: 'registrationFailed', cause: e.cause, status: e.response ? e.response.status_code : null,
        }));
        ua.on('newRTCSession', (e) => {
            const direction = e.originator === 'local' ? 'outgoing' : 'incoming';
            if (direction === 'incoming' && session && !session.isEnded()) {
                log('busy: rejecting a second incoming call');
                e.session.terminate({ status_code: 486, reason_phrase: 'Busy Here' });
                return;
            }
            wireSession(e.session, direction);
            if (direction === 'incoming') {
                if (cfg.autoAnswer) answer(e.session);
                else log('incoming call, not answering (no --auto-answer)');
            }
        });
        ua.start();
        return true;
    };

    /** Hang up (BYE/CANCEL), unregister, stop the UA; resolves once the socket is closed. */
    window.peerShutdown = async () => {
        stopStats();
        if (session && !session.isEnded()) {
            try { session.terminate(); } catch (e) { log('terminate failed:', e.message); }
        }
        releaseMedia();
        if (!ua) return true;
        // Resolves once un-REGISTERed (JsSIP keeps the socket open ~2 s longer for its
        // transactions; closing the browser then is fine: Kamailio drops the connection's
        // bindings anyway) or once disconnected.
        await new Promise((resolve) => {
            const done = () => { clearTimeout(timer); setTimeout(resolve, 200); };
            const timer = setTimeout(resolve, 3000);
            ua.once('unregistered', done);
            ua.once('disconnected', done);
            try { ua.stop(); } catch (e) { done(); }
            if (!ua.isConnected()) done();
        });
        return true;
    };

    window.peerReady = true;
})();
