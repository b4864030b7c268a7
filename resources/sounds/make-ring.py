#!/usr/bin/env python3
"""Generates ring.wav: the incoming-call ring of Callboard.

A soft two-tone ring (like a European phone, but gentler): two short bursts of a 440 Hz + 480 Hz
chord with fade in/out, then silence, 16-bit mono at 22050 Hz, about 3 s long, so that
services::Ringer can loop it. Deterministic: running it again gives the same bytes.

    python3 resources/sounds/make-ring.py [output.wav]
"""
import math
import struct
import sys
import wave

RATE = 22050
VOLUME = 0.35  # of full scale; the chord peaks at this level


def burst(seconds, fade=0.03):
    n = int(RATE * seconds)
    f = int(RATE * fade)
    out = []
    for i in range(n):
        t = i / RATE
        # 440 + 480 Hz chord with a slight 20 Hz tremolo, the classic "ring" colour, softened
        s = 0.5 * math.sin(2 * math.pi * 440 * t) + 0.5 * math.sin(2 * math.pi * 480 * t)
        s *= 0.85 + 0.15 * math.sin(2 * math.pi * 20 * t)
        env = min(1.0, i / f, (n - 1 - i) / f) if f else 1.0
        out.append(s * env * VOLUME)
    return out


def silence(seconds):
    return [0.0] * int(RATE * seconds)


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else "ring.wav"
    samples = burst(0.4) + silence(0.2) + burst(0.4) + silence(2.0)
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(b"".join(struct.pack("<h", int(max(-1, min(1, s)) * 32767))
                               for s in samples))


if __name__ == "__main__":
    main()
