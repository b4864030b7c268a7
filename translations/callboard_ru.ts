<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru" sourcelanguage="en">
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../ui/forms/MainWindow.ui" line="+14"/>
        <source>Callboard</source>
        <translation>Callboard</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>Спр&amp;авка</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Accounts…</source>
        <translation>&amp;Учётные записи…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Settings…</source>
        <translation>&amp;Настройки…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+,</source>
        <translation>Ctrl+,</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Quit</source>
        <translation>&amp;Выход</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;About Callboard</source>
        <translation>&amp;О программе Callboard</translation>
    </message>
</context>
<context>
    <name>PhonePanel</name>
    <message>
        <location filename="../ui/forms/PhonePanel.ui" line="+11"/>
        <source>Fro&amp;m:</source>
        <translation>У&amp;чётная запись:</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>The account calls are placed from</source>
        <translation>Учётная запись, с которой совершаются звонки</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Call from account</source>
        <translation>Звонить с учётной записи</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Number:</source>
        <translation>Но&amp;мер:</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>SIP number or address, e.g. 9999</source>
        <translation>Номер или SIP-адрес, например 9999</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Dial</source>
        <translation>Позво&amp;нить</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Dial pad</source>
        <translation>Панель набора</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&amp;Answer</source>
        <translation>&amp;Ответить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Reject</source>
        <translation>От&amp;клонить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Hang up</source>
        <translation>&amp;Завершить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>H&amp;old</source>
        <translation>Удер&amp;жать</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Re&amp;sume</source>
        <translation>Возо&amp;бновить</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Transfer…</source>
        <translation>Пере&amp;вести…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Clear ended</source>
        <translation>&amp;Убрать завершённые</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../ui/forms/SettingsDialog.ui" line="+6"/>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>General</source>
        <translation>Общие</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Language:</source>
        <translation>&amp;Язык:</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>The language changes at the next start.</source>
        <translation>Язык сменится при следующем запуске.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Start &amp;minimised</source>
        <translation>Запускать &amp;свёрнутым</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Close to the tray</source>
        <translation>Закрывать в &amp;трей</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Closing the window keeps Callboard running in the tray.</source>
        <translation>При закрытии окна Callboard продолжает работать в трее.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Start at &amp;login</source>
        <translation>Запускать при в&amp;ходе в систему</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Notifications</source>
        <translation>Уведомления</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Show a desktop notification for:</source>
        <translation>Показывать уведомления на рабочем столе:</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Audio</source>
        <translation>Звук</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Ringer:</source>
        <translation>Устройство &amp;звонка:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Voice &amp;output:</source>
        <translation>Вывод &amp;голоса:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Voice &amp;input:</source>
        <translation>&amp;Ввод голоса:</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Devices plugged in or out appear here at once.</source>
        <translation>Список устройств обновляется сразу при их подключении и отключении.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;DTMF method:</source>
        <translation>&amp;Метод DTMF:</translation>
    </message>
</context>
<context>
    <name>app::AppComposition</name>
    <message>
        <location filename="../app/callboard/AppComposition.cpp" line="+78"/>
        <source>Cannot create a temporary directory for the demo history.</source>
        <translation>Не удаётся создать временный каталог для демонстрационного журнала вызовов.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot create the data directory %1.</source>
        <translation>Не удаётся создать каталог данных %1.</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Callboard (demo server)</source>
        <translation>Callboard (демо-сервер)</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Call history is unavailable: %1</source>
        <translation>Журнал вызовов недоступен: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Incoming call from %1</source>
        <translation>Входящий вызов от %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Account %1 cannot connect: %2</source>
        <translation>Учётная запись %1 не может подключиться: %2</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>No account is configured. Start with --demo to try the demo server.</source>
        <translation>Нет настроенных учётных записей. Запустите с --demo, чтобы попробовать демо-сервер.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>There is no account named %1.</source>
        <translation>Учётной записи с именем %1 нет.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The built-in demo server could not start: %1</source>
        <translation>Не удалось запустить встроенный демо-сервер: %1</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Demo</source>
        <translation>Демо</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The demo account is not valid: %1</source>
        <translation>Демонстрационная учётная запись некорректна: %1</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>No account to call from.</source>
        <translation>Нет учётной записи для звонка.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Cannot call %1: the account is not connected.</source>
        <translation>Не удаётся позвонить на %1: учётная запись не подключена.</translation>
    </message>
</context>
<context>
    <name>app::CommandLine</name>
    <message>
        <location filename="../app/callboard/CommandLine.cpp" line="+8"/>
        <source>Start the built-in demo server and connect to it.</source>
        <translation>Запустить встроенный демо-сервер и подключиться к нему.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect only the account profile NAME at start.</source>
        <translation>При запуске подключить только профиль учётной записи NAME.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start hidden in the tray (minimised without a tray).</source>
        <translation>Запуститься скрытым в трее (свёрнутым, если трея нет).</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>User interface language, e.g. en or ru.</source>
        <translation>Язык интерфейса, например en или ru.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Tab shown at start: phone, streams, servers, events, history.</source>
        <translation>Вкладка при запуске: phone, streams, servers, events, history.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Dial NUMBER once registered.</source>
        <translation>Набрать NUMBER после регистрации.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Desktop softphone and live stream monitor for Flashphoner WCS.</source>
        <translation>Настольный софтфон и монитор потоков для Flashphoner WCS.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A sip: or tel: address, or a number, to put into the phone&apos;s number field.</source>
        <translation>Адрес sip: или tel: либо номер для поля номера телефона.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Only one address to dial can be given, not %1.</source>
        <translation>Можно указать только один адрес для набора, а не %1.</translation>
    </message>
</context>
<context>
    <name>app::DataController</name>
    <message>
        <location filename="../app/callboard/DataController.cpp" line="+84"/>
        <source>The account is not connected.</source>
        <translation>Учётная запись не подключена.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The session is not ready to send yet.</source>
        <translation>Сеанс ещё не готов к отправке.</translation>
    </message>
</context>
<context>
    <name>app::DebugController</name>
    <message>
        <location filename="../app/callboard/DebugController.cpp" line="+24"/>
        <source>De&amp;bug</source>
        <translation>От&amp;ладка</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Connect the account before switching its server debug session.</source>
        <translation>Подключите учётную запись, прежде чем переключать её сеанс отладки на сервере.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The server debug session cannot be switched now: not connected.</source>
        <translation>Сейчас нельзя переключить сеанс отладки на сервере: нет подключения.</translation>
    </message>
</context>
<context>
    <name>app::LanguageLoader</name>
    <message>
        <location filename="../app/callboard/LanguageLoader.cpp" line="+28"/>
        <source>Unknown language &quot;%1&quot;; using English.</source>
        <translation>Неизвестный язык «%1»; используется английский.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>No translation for &quot;%1&quot; was found; using English.</source>
        <translation>Перевод для «%1» не найден; используется английский.</translation>
    </message>
</context>
<context>
    <name>app::PhoneController</name>
    <message>
        <location filename="../app/callboard/PhoneController.cpp" line="+63"/>
        <source>This call has no audio to mute.</source>
        <translation>У этого вызова нет звука, который можно выключить.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No call is talking: the keys were not sent.</source>
        <translation>Нет активного разговора: клавиши не отправлены.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The keys %1 could not be sent.</source>
        <translation>Не удалось отправить клавиши %1.</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+27"/>
        <source>The transfer to %1 was refused.</source>
        <translation>Перевод на %1 отклонён.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transferring to %1…</source>
        <translation>Перевод на %1…</translation>
    </message>
</context>
<context>
    <name>app::ServerActions</name>
    <message>
        <location filename="../app/callboard/ServerActions.cpp" line="+32"/>
        <source>Refused playing of &quot;%1&quot; on %2</source>
        <translation>Воспроизведение «%1» на %2 запрещено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refused publishing of &quot;%1&quot; on %2</source>
        <translation>Публикация «%1» на %2 запрещена</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Stream &quot;%1&quot; ended at its keep-alive</source>
        <translation>Поток «%1» завершён по keep-alive</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Stream &quot;%1&quot; terminated on %2</source>
        <translation>Поток «%1» завершён на %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection %1 terminated on %2</source>
        <translation>Соединение %1 завершено на %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Terminating stream &quot;%1&quot; failed: %2</source>
        <translation>Не удалось завершить поток «%1»: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminating connection %1 failed: %2</source>
        <translation>Не удалось завершить соединение %1: %2</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Cannot terminate &quot;%1&quot;: no REST API node for it</source>
        <translation>Нельзя завершить «%1»: для него нет узла REST API</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminating stream &quot;%1&quot; on %2…</source>
        <translation>Завершение потока «%1» на %2…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Cannot terminate the connection of &quot;%1&quot;: %2</source>
        <translation>Нельзя завершить соединение «%1»: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>no REST API node for it</source>
        <translation>для него нет узла REST API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its connection is not known</source>
        <translation>его соединение неизвестно</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Terminating connection %1 on %2…</source>
        <translation>Завершение соединения %1 на %2…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Cannot end &quot;%1&quot;: its keep-alives do not reach the hook server</source>
        <translation>Нельзя оборвать «%1»: его keep-alive не доходят до сервера хуков</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Stream &quot;%1&quot; ends at its next keep-alive…</source>
        <translation>Поток «%1» будет завершён при следующем keep-alive…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&quot;%1&quot; is not a valid name pattern</source>
        <translation>«%1» — недопустимый шаблон имени</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Playing of &quot;%1&quot; will be refused</source>
        <translation>Воспроизведение «%1» будет запрещено</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Publishing of &quot;%1&quot; will be refused</source>
        <translation>Публикация «%1» будет запрещена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, but the hook server is not listening</source>
        <translation>%1, но сервер хуков не принимает запросы</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>&quot;%1&quot; is no longer refused</source>
        <translation>Запрет для «%1» снят</translation>
    </message>
</context>
<context>
    <name>app::ServersController</name>
    <message>
        <location filename="../app/callboard/ServersController.cpp" line="+151"/>
        <source>reading the shared secret from the keychain…</source>
        <translation>чтение общего секрета из связки ключей…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>signature check is on, but the secret is unavailable: %1</source>
        <translation>проверка подписи включена, но секрет недоступен: %1</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Not on the server any more.</source>
        <translation>Больше нет на сервере.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Password of node %1 unavailable: %2</source>
        <translation>Пароль узла %1 недоступен: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>No REST API node is configured for it.</source>
        <translation>Для этого потока не настроен узел REST API.</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Secret %1 not saved: %2</source>
        <translation>Секрет %1 не сохранён: %2</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Demo server</source>
        <translation>Демо-сервер</translation>
    </message>
</context>
<context>
    <name>app::SettingsController</name>
    <message>
        <location filename="../app/callboard/SettingsController.cpp" line="+120"/>
        <source>The password could not be stored: %1</source>
        <translation>Не удалось сохранить пароль: %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The keychain refused the password: %1</source>
        <translation>Связка ключей отклонила пароль: %1</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>The server refused the password.</source>
        <translation>Сервер отклонил пароль.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server refused the password: %1</source>
        <translation>Сервер отклонил пароль: %1</translation>
    </message>
</context>
<context>
    <name>app::SingleInstance</name>
    <message>
        <location filename="../app/callboard/SingleInstance.cpp" line="+72"/>
        <source>Another Callboard instance is already listening on %1.</source>
        <translation>Другой экземпляр Callboard уже принимает подключения на %1.</translation>
    </message>
</context>
<context>
    <name>app::StreamActionsController</name>
    <message>
        <location filename="../app/callboard/StreamActionsController.cpp" line="+80"/>
        <source>The stream is no longer listed.</source>
        <translation>Потока больше нет в списке.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Connect an account first.</source>
        <translation>Сначала подключите учётную запись.</translation>
    </message>
    <message>
        <location line="+26"/>
        <location line="+28"/>
        <source>The account is not connected.</source>
        <translation>Учётная запись не подключена.</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot publish %1: the session is not ready.</source>
        <translation>Нельзя опубликовать %1: сеанс не готов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publishing %1 from the microphone (audio only)…</source>
        <translation>Публикация %1 с микрофона (только звук)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Publishing %1…</source>
        <translation>Публикация %1…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Cannot play %1: the session is not ready.</source>
        <translation>Нельзя воспроизвести %1: сеанс не готов.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Playing %1…</source>
        <translation>Воспроизведение %1…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1 is not a stream of your sessions: it cannot be stopped here.</source>
        <translation>%1 — не поток ваших сеансов: здесь его остановить нельзя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The account of %1 is not connected.</source>
        <translation>Учётная запись потока %1 не подключена.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot stop %1: the session is not ready.</source>
        <translation>Нельзя остановить %1: сеанс не готов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpublishing %1…</source>
        <translation>Снятие с публикации %1…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stopping %1…</source>
        <translation>Остановка %1…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>No connected account can take a snapshot of %1.</source>
        <translation>Нет подключённой учётной записи, чтобы сделать снимок %1.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot take a snapshot of %1: the session is not ready.</source>
        <translation>Нельзя сделать снимок %1: сеанс не готов.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Snapshot of %1 received.</source>
        <translation>Снимок %1 получен.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The snapshot of %1 failed.</source>
        <translation>Не удалось сделать снимок %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No snapshot of %1 came back.</source>
        <translation>Снимок %1 так и не пришёл.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Taking a snapshot of %1…</source>
        <translation>Создание снимка %1…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>No HLS address is known for %1.</source>
        <translation>Адрес HLS для %1 неизвестен.</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+22"/>
        <source>Copied %1</source>
        <translation>Скопировано: %1</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>%1 is not recorded.</source>
        <translation>%1 не записывается.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>No record address is known for %1.</source>
        <translation>Адрес записи для %1 неизвестен.</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>The stream has no name to play.</source>
        <translation>У потока нет имени для воспроизведения.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Previewing %1…</source>
        <translation>Предпросмотр %1…</translation>
    </message>
</context>
<context>
    <name>app::TrayController</name>
    <message>
        <location filename="../app/callboard/TrayController.cpp" line="+59"/>
        <source>Call from %1 rejected: do not disturb is on.</source>
        <translation>Вызов от %1 отклонён: включён режим «Не беспокоить».</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>No system tray is available: closing the window quits Callboard.</source>
        <translation>Системный трей недоступен: закрытие окна завершит Callboard.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Do not &amp;disturb</source>
        <translation>Не &amp;беспокоить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reject incoming calls at once</source>
        <translation>Сразу отклонять входящие вызовы</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Press Dial to call %1.</source>
        <translation>Нажмите «Позвонить», чтобы вызвать %1.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>A second launch passed a bad command line: %1</source>
        <translation>Повторный запуск передал неверную командную строку: %1</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Callboard is still running</source>
        <translation>Callboard продолжает работать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the tray icon to open it or to quit.</source>
        <translation>Чтобы открыть окно или выйти, используйте значок в трее.</translation>
    </message>
</context>
<context>
    <name>models::AccountListModel</name>
    <message>
        <location filename="../src/models/AccountListModel.cpp" line="+96"/>
        <source>reconnecting, attempt %1</source>
        <translation>переподключение, попытка %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>reconnecting in %1 s, attempt %2</source>
        <translation>переподключение через %1 с, попытка %2</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration</source>
        <translation>Регистрация</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Debug</source>
        <translation>Отладка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last failure</source>
        <translation>Последняя ошибка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect</source>
        <translation>Переподключение</translation>
    </message>
</context>
<context>
    <name>models::CallListModel</name>
    <message>
        <location filename="../src/models/CallListModel.cpp" line="+254"/>
        <source>muted</source>
        <extracomment>A call whose microphone is muted (the call list&apos;s audio column)</extracomment>
        <translation>микрофон выкл.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Your microphone is muted for this call.</source>
        <translation>Ваш микрофон в этом вызове выключен.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>held</source>
        <translation>на удержании</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Peer</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Held</source>
        <translation>Удержание</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Started</source>
        <translation>Начало</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Audio</source>
        <extracomment>Column of the call list: audio quality figures, mute, audio problems</extracomment>
        <translation>Звук</translation>
    </message>
</context>
<context>
    <name>models::CallQualityText</name>
    <message>
        <location filename="../src/models/CallQualityText.cpp" line="+27"/>
        <location line="+59"/>
        <source>RTT %1 ms</source>
        <extracomment>Round-trip time of a call&apos;s audio, in milliseconds</extracomment>
        <translation>RTT %1 мс</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>jitter %1 ms</source>
        <extracomment>Interarrival jitter of a call&apos;s received audio, in milliseconds</extracomment>
        <translation>джиттер %1 мс</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+58"/>
        <source>loss %1 %</source>
        <extracomment>Received audio packets lost, in percent</extracomment>
        <translation>потери %1 %</translation>
    </message>
    <message>
        <location line="-51"/>
        <source>↑%1 ↓%2 kbit/s</source>
        <extracomment>Sending (up arrow) and receiving (down arrow) bitrates of a call&apos;s audio</extracomment>
        <translation>↑%1 ↓%2 кбит/с</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Audio now:</source>
        <translation>Звук сейчас:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Round-trip time %1 ms</source>
        <translation>Время кругового пути (RTT) %1 мс</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Jitter %1 ms</source>
        <translation>Джиттер %1 мс</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+47"/>
        <source>Packets lost %1 %</source>
        <translation>Потеряно пакетов %1 %</translation>
    </message>
    <message>
        <location line="-44"/>
        <source>Sending %1 kbit/s</source>
        <translation>Отправка %1 кбит/с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Receiving %1 kbit/s</source>
        <translation>Приём %1 кбит/с</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimated MOS %1 of 4.5</source>
        <extracomment>Mean opinion score estimate, 1 (bad) to 4.5 (best)</extracomment>
        <translation>Оценка MOS %1 из 4,5</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Over the call:</source>
        <translation>За весь вызов:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>MOS %1</source>
        <extracomment>Mean opinion score estimate of a call, 1 (bad) to 4.5 (best)</extracomment>
        <translation>MOS %1</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>jitter ≤ %1 ms</source>
        <extracomment>The largest jitter seen during a call, in milliseconds</extracomment>
        <translation>джиттер ≤ %1 мс</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Average round-trip time %1 ms</source>
        <translation>Среднее время кругового пути (RTT) %1 мс</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Largest jitter %1 ms</source>
        <translation>Наибольший джиттер %1 мс</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Average sending bitrate %1 kbit/s</source>
        <translation>Средний битрейт отправки %1 кбит/с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Average receiving bitrate %1 kbit/s</source>
        <translation>Средний битрейт приёма %1 кбит/с</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Estimated MOS %1 of 4.5 (E-model, ITU-T G.107)</source>
        <extracomment>MOS: mean opinion score; the E-model is the ITU-T G.107 call quality model</extracomment>
        <translation>Оценка MOS %1 из 4,5 (E-модель, ITU-T G.107)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>no audio</source>
        <extracomment>A call whose audio failed; %1 says why</extracomment>
        <translation>нет звука</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no audio: %1</source>
        <translation>нет звука: %1</translation>
    </message>
</context>
<context>
    <name>models::DataLogModel</name>
    <message>
        <location filename="../src/models/DataLogModel.cpp" line="+58"/>
        <source>Sending</source>
        <extracomment>A sendData waiting for its DataStatusEvent</extracomment>
        <translation>Отправка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted</source>
        <translation>Принято</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received</source>
        <extracomment>An OnDataEvent pushed by the backend</extracomment>
        <translation>Получено</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>%1 (%2)</source>
        <extracomment>payload, then the reason the backend gave</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Payload</source>
        <translation>Содержимое</translation>
    </message>
</context>
<context>
    <name>models::EventLogModel</name>
    <message>
        <location filename="../src/models/EventLogModel.cpp" line="+210"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Object</source>
        <translation>Объект</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Summary</source>
        <translation>Описание</translation>
    </message>
</context>
<context>
    <name>models::HistoryModel</name>
    <message>
        <location filename="../src/models/HistoryModel.cpp" line="+67"/>
        <source>Answered</source>
        <translation>Отвечен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed</source>
        <translation>Пропущен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rejected</source>
        <translation>Отклонён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Busy</source>
        <translation>Занято</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cancelled</source>
        <translation>Отменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No answer</source>
        <translation>Нет ответа</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>incoming</source>
        <translation>входящий</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>outgoing</source>
        <translation>исходящий</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Peer</source>
        <translation>Абонент</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Duration</source>
        <translation>Длительность</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Quality</source>
        <extracomment>Column of the call history: audio quality over the call</extracomment>
        <translation>Качество</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reason</source>
        <translation>Причина</translation>
    </message>
</context>
<context>
    <name>models::MessageListModel</name>
    <message>
        <location filename="../src/models/MessageListModel.cpp" line="+37"/>
        <source>sending…</source>
        <translation>отправка…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>delivered (%1)</source>
        <translation>доставлено (%1)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>delivered</source>
        <translation>доставлено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>not delivered</source>
        <translation>не доставлено</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not delivered: %1</source>
        <translation>не доставлено: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>received</source>
        <translation>получено</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Sent %1 to %2: %3</source>
        <translation>Отправлено %1 получателю %2: %3</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Received %1 from %2</source>
        <translation>Получено %1 от %2</translation>
    </message>
</context>
<context>
    <name>models::StatusLabels</name>
    <message>
        <location filename="../src/models/StatusLabels.cpp" line="+8"/>
        <source>Unknown</source>
        <translation>Неизвестно</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+33"/>
        <source>New</source>
        <translation>Новый</translation>
    </message>
    <message>
        <location line="-31"/>
        <location line="+33"/>
        <source>Pending</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location line="-31"/>
        <source>Publishing</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused</source>
        <translation>Пауза</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unpublished</source>
        <translation>Снят с публикации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped</source>
        <translation>Остановлен</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+39"/>
        <location line="+42"/>
        <source>Failed</source>
        <translation>Ошибка</translation>
    </message>
    <message>
        <location line="-79"/>
        <source>Playback problem</source>
        <translation>Проблема воспроизведения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Resized</source>
        <translation>Размер изменён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Snapshot taken</source>
        <translation>Снимок сделан</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Not enough bandwidth</source>
        <translation>Недостаточно полосы</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Trying</source>
        <translation>Набор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringing</source>
        <translation>Вызов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ringing (early media)</source>
        <translation>Вызов (ранние медиа)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>In progress</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Busy</source>
        <translation>Занято</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Talking</source>
        <translation>Разговор</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>On hold</source>
        <translation>На удержании</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Finished</source>
        <translation>Завершён</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Transfer pending</source>
        <translation>Перевод ожидает</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer accepted</source>
        <translation>Перевод принят</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferring</source>
        <translation>Переводится</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transferred</source>
        <translation>Переведён</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer failed</source>
        <translation>Сбой перевода</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Connecting</source>
        <translation>Подключение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connected</source>
        <translation>Подключено</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Established</source>
        <translation>Установлено</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+17"/>
        <source>Registered</source>
        <translation>Зарегистрирован</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Unregistered</source>
        <translation>Регистрация снята</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Disconnected</source>
        <translation>Отключено</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Not registered</source>
        <translation>Не зарегистрирован</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Authentication failed</source>
        <translation>Ошибка аутентификации</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Registration failed</source>
        <translation>Ошибка регистрации</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Debug on</source>
        <translation>Отладка вкл.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Debug off</source>
        <translation>Отладка выкл.</translation>
    </message>
</context>
<context>
    <name>models::StreamTableModel</name>
    <message>
        <location filename="../src/models/StreamTableModel.cpp" line="+116"/>
        <source>Keep-alives stopped: the stream may be gone</source>
        <translation>Keep-alive больше не приходят: возможно, потока уже нет</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>publish</source>
        <translation>публикация</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>play</source>
        <translation>воспроизведение</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>audio + video</source>
        <translation>аудио + видео</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>audio</source>
        <translation>аудио</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>video</source>
        <translation>видео</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>нет</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1×%2</source>
        <translation>%1×%2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 kbps</source>
        <translation>%1 кбит/с</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>stale</source>
        <extracomment>Keep-alive age of a stream whose keep-alives stopped</extracomment>
        <translation>устарел</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s, stale</source>
        <translation>%1 с, устарел</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 s</source>
        <translation>%1 с</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Media session</source>
        <translation>Медиасеанс</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Provider</source>
        <translation>Провайдер</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Media</source>
        <translation>Медиа</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Size</source>
        <translation>Размер</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Bitrate</source>
        <translation>Битрейт</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep-alive</source>
        <translation>Keep-alive</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
</context>
<context>
    <name>services::AccountConnector</name>
    <message>
        <location filename="../src/services/AccountConnector.cpp" line="+60"/>
        <source>No account with this id.</source>
        <translation>Нет учётной записи с таким идентификатором.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The account settings are not valid: %1</source>
        <translation>Некорректные настройки учётной записи: %1</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No password is stored for this account.</source>
        <translation>Для этой учётной записи не сохранён пароль.</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+34"/>
        <location line="+31"/>
        <source>The account cannot be connected.</source>
        <translation>Не удаётся подключить учётную запись.</translation>
    </message>
</context>
<context>
    <name>services::AutostartEntry</name>
    <message>
        <location filename="../src/services/AutostartEntry.cpp" line="+36"/>
        <source>Cannot remove %1.</source>
        <translation>Не удаётся удалить %1.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Cannot write %1: %2</source>
        <translation>Не удаётся записать %1: %2</translation>
    </message>
</context>
<context>
    <name>services::DialTarget</name>
    <message>
        <location filename="../src/services/DialTarget.cpp" line="+55"/>
        <source>Nothing to dial: the number is empty.</source>
        <translation>Нечего набирать: номер пуст.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The number or address is too long.</source>
        <translation>Номер или адрес слишком длинный.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&quot;%1&quot; is not a phone number.</source>
        <translation>«%1» — не телефонный номер.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is neither a phone number nor a SIP address.</source>
        <translation>«%1» — не телефонный номер и не SIP-адрес.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>&quot;%1&quot; is not a valid address.</source>
        <translation>«%1» — недопустимый адрес.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The SIP address &quot;%1&quot; has no user part.</source>
        <translation>В SIP-адресе «%1» нет имени пользователя.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The SIP address &quot;%1&quot; has no valid user part.</source>
        <translation>В SIP-адресе «%1» недопустимое имя пользователя.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The SIP address &quot;%1&quot; has no valid host.</source>
        <translation>В SIP-адресе «%1» недопустимый хост.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&quot;%1&quot; is not a valid telephone number.</source>
        <translation>«%1» — недопустимый телефонный номер.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Cannot dial &quot;%1&quot;: only sip:, sips: and tel: addresses are supported.</source>
        <translation>Нельзя набрать «%1»: поддерживаются только адреса sip:, sips: и tel:.</translation>
    </message>
</context>
<context>
    <name>services::MediaEngine</name>
    <message>
        <location filename="../src/services/MediaEngine.cpp" line="+57"/>
        <source>GStreamer cannot start: %1</source>
        <translation>GStreamer не запускается: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>GStreamer elements missing: %1</source>
        <translation>Не хватает элементов GStreamer: %1</translation>
    </message>
</context>
<context>
    <name>services::MessageService</name>
    <message>
        <location filename="../src/services/MessageService.cpp" line="+82"/>
        <source>Write a message first.</source>
        <translation>Сначала напишите сообщение.</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+8"/>
        <source>The account is not connected to its SIP server.</source>
        <translation>Учётная запись не подключена к своему SIP-серверу.</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Enter who the message is for (a SIP user or address).</source>
        <translation>Укажите получателя сообщения (пользователя SIP или адрес).</translation>
    </message>
</context>
<context>
    <name>services::Notifier</name>
    <message>
        <location filename="../src/services/Notifier.cpp" line="+14"/>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unknown caller</source>
        <translation>Неизвестный абонент</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Incoming call</source>
        <translation>Входящий вызов</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+10"/>
        <source>%1
to %2</source>
        <translation>%1
на %2</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Missed call</source>
        <translation>Пропущенный вызов</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Stream %1</source>
        <translation>Поток %1</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Stream %1: %2</source>
        <translation>Поток %1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream failed</source>
        <translation>Сбой потока</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connection lost</source>
        <translation>Соединение потеряно</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection restored</source>
        <translation>Соединение восстановлено</translation>
    </message>
</context>
<context>
    <name>services::ServerMonitorSettings</name>
    <message>
        <location filename="../src/services/ServerMonitorSettings.cpp" line="+97"/>
        <source>The hook server address is not an IP address.</source>
        <translation>Адрес сервера хуков не является IP-адресом.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The hook server port must be 0 to 65535.</source>
        <translation>Порт сервера хуков должен быть от 0 до 65535.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The path prefix must start with &quot;/&quot;.</source>
        <translation>Префикс пути должен начинаться с «/».</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The body limit must be at least 1024 bytes.</source>
        <translation>Лимит тела запроса должен быть не меньше 1024 байт.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Allow-list entry &quot;%1&quot; is not an address or subnet.</source>
        <translation>Элемент списка разрешённых «%1» не является адресом или подсетью.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The stale multiple must be 1 or more.</source>
        <translation>Множитель устаревания должен быть не меньше 1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every node needs an id.</source>
        <translation>У каждого узла должен быть идентификатор.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Node id &quot;%1&quot; is used twice.</source>
        <translation>Идентификатор узла «%1» используется дважды.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Node &quot;%1&quot;: the REST API URL must be http(s)://host:port/rest-api.</source>
        <translation>Узел «%1»: URL REST API должен иметь вид http(s)://host:port/rest-api.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node &quot;%1&quot;: poll at most every 500 ms.</source>
        <translation>Узел «%1»: опрашивать не чаще раза в 500 мс.</translation>
    </message>
</context>
<context>
    <name>services::SipBinding</name>
    <message>
        <location filename="../src/services/SipBinding.cpp" line="+163"/>
        <source>no media engine is installed</source>
        <translation>медиадвижок не установлен</translation>
    </message>
</context>
<context>
    <name>services::SipProfileMapper</name>
    <message>
        <location filename="../src/services/SipProfileMapper.cpp" line="+52"/>
        <source>Certificate pinning is not available for SIP over WebSocket accounts; trust the server through a CA file instead.</source>
        <translation>Закрепление сертификата недоступно для учётных записей SIP через WebSocket; вместо этого доверьтесь серверу через файл CA.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The CA file %1 holds no PEM certificate.</source>
        <translation>Файл CA %1 не содержит сертификатов PEM.</translation>
    </message>
</context>
<context>
    <name>services::StreamPreview</name>
    <message>
        <location filename="../src/services/StreamPreview.cpp" line="+28"/>
        <source>WebRTC play did not start within %1 s</source>
        <translation>воспроизведение WebRTC не началось за %1 с</translation>
    </message>
    <message>
        <location line="+57"/>
        <source>no WCS account is connected</source>
        <translation>нет подключённой учётной записи WCS</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebRTC audio is not available</source>
        <translation>звук WebRTC недоступен</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WebRTC audio is not available: %1</source>
        <translation>звук WebRTC недоступен: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>WebRTC failed (%1)</source>
        <translation>сбой WebRTC (%1)</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>WebRTC (audio only)</source>
        <translation>WebRTC (только звук)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>the session is not ready for WebRTC</source>
        <translation>сеанс не готов к WebRTC</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>no reason given</source>
        <translation>причина не указана</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WebRTC play failed (%1)</source>
        <translation>воспроизведение WebRTC не удалось (%1)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Nothing to play: %1, and no HLS address is known</source>
        <translation>Нечего воспроизводить: %1, а адрес HLS неизвестен</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No HLS address is known for %1.</source>
        <translation>Адрес HLS для %1 неизвестен.</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>HLS (%1)</source>
        <translation>HLS (%1)</translation>
    </message>
    <message>
        <location line="+47"/>
        <source>HLS playback of %1 failed: %2</source>
        <extracomment>%1 is the HLS address, %2 the player&apos;s error text (&quot;Not Found&quot;)</extracomment>
        <translation>Воспроизведение HLS %1 не удалось: %2</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>the stream cannot be played</source>
        <translation>поток невозможно воспроизвести</translation>
    </message>
</context>
<context>
    <name>services::WebRtcDescriptionHandler</name>
    <message>
        <location filename="../src/services/WebRtcDescriptionHandler.cpp" line="+127"/>
        <source>the offer has no audio stream</source>
        <translation>в предложении нет аудиопотока</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>the offer is %1 without ICE and DTLS-SRTP; Callboard&apos;s media engine speaks WebRTC (RFC 8827) only</source>
        <translation>предложение %1 без ICE и DTLS-SRTP; медиадвижок Callboard работает только с WebRTC (RFC 8827)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>no common audio codec (Callboard offers Opus, G.722, PCMU and PCMA)</source>
        <translation>нет общего аудиокодека (Callboard предлагает Opus, G.722, PCMU и PCMA)</translation>
    </message>
    <message>
        <location line="+20"/>
        <location line="+19"/>
        <source>the call&apos;s media endpoint is gone</source>
        <translation>медиаканал звонка уже закрыт</translation>
    </message>
</context>
<context>
    <name>ui::AccountEditor</name>
    <message>
        <location filename="../ui/dialogs/AccountEditor.cpp" line="+51"/>
        <source>New account</source>
        <translation>Новая учётная запись</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Edit account</source>
        <translation>Изменение учётной записи</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Name:</source>
        <translation>&amp;Имя:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Web Call Server (WCS)</source>
        <translation>Web Call Server (WCS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP over WebSocket</source>
        <translation>SIP через WebSocket</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Server type:</source>
        <translation>Тип &amp;сервера:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server &amp;URL:</source>
        <translation>&amp;Адрес сервера:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;App key:</source>
        <translation>&amp;Ключ приложения:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIP &amp;login:</source>
        <translation>&amp;Логин SIP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>same as the login</source>
        <translation>совпадает с логином</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Auth &amp;name:</source>
        <translation>Имя для а&amp;вторизации:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIP &amp;domain:</source>
        <translation>&amp;Домен SIP:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Outbound &amp;proxy:</source>
        <translation>Исходящий &amp;прокси:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>default</source>
        <translation>по умолчанию</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SIP p&amp;ort:</source>
        <translation>Пор&amp;т SIP:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Register the SIP login</source>
        <translation>&amp;Регистрировать логин SIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connect when Callboard &amp;starts</source>
        <translation>Подключаться при &amp;запуске Callboard</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+125"/>
        <source>unchanged</source>
        <translation>без изменений</translation>
    </message>
    <message>
        <location line="-124"/>
        <source>Pass&amp;word:</source>
        <translation>Пар&amp;оль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Store in the keychain</source>
        <translation>Хранить в связке ключей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Ask each time (keep in memory for this session)</source>
        <translation>Спрашивать каждый раз (хранить в памяти до конца сеанса)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking the keychain…</source>
        <translation>Проверка связки ключей…</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Custom JSON:</source>
        <translation>&amp;Собственный JSON:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep the server session across reconnects</source>
        <translation>Со&amp;хранять сеанс сервера при переподключениях</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reconnect after (min):</source>
        <translation>Задержка переподключения, от:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reconnect after (max):</source>
        <translation>Задержка переподключения, до:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Silence &amp;watchdog:</source>
        <translation>Контроль &amp;тишины:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PEM file with extra CA certificates</source>
        <translation>PEM-файл с дополнительными сертификатами CA</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS C&amp;A file:</source>
        <translation>&amp;Файл CA для TLS:</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose a file…</source>
        <translation>Выбрать файл…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>CA certificates</source>
        <translation>Сертификаты CA</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PEM files (*.pem *.crt);;All (*)</source>
        <translation>Файлы PEM (*.pem *.crt);;Все (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>SHA-256 of the server certificate (hex)</source>
        <translation>SHA-256 сертификата сервера (hex)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pinned &amp;certificate:</source>
        <translation>Закреплённый се&amp;ртификат:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Advanced</source>
        <translation>Дополнительно</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Media</source>
        <translation>Медиа</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Optional servers that help calls through NAT and firewalls (ICE). Leave them empty on a local network.</source>
        <translation>Необязательные серверы, которые помогают звонкам проходить через NAT и межсетевые экраны (ICE). В локальной сети оставьте их пустыми.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>host:port (port 3478 if left out)</source>
        <translation>хост:порт (без порта — 3478)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;TUN server:</source>
        <translation>Сервер S&amp;TUN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>host:port (3478; 5349 over TLS)</source>
        <translation>хост:порт (3478; 5349 для TLS)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>T&amp;URN server:</source>
        <translation>Сервер T&amp;URN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UDP</source>
        <translation>UDP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TCP</source>
        <translation>TCP</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>TURN tr&amp;ansport:</source>
        <translation>Тр&amp;анспорт TURN:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TURN us&amp;er:</source>
        <translation>Пол&amp;ьзователь TURN:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Kept like the account password: in the keychain, or in memory for this session (see the Account tab).</source>
        <translation>Хранится как пароль учётной записи: в связке ключей или в памяти на этот сеанс (см. вкладку «Учётная запись»).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>TURN pass&amp;word:</source>
        <translation>Пар&amp;оль TURN:</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>optional: no SIP without it</source>
        <translation>необязательно: без него нет SIP</translation>
    </message>
    <message>
        <location line="+152"/>
        <source>Storing the TURN password in the keychain…</source>
        <translation>Сохранение пароля TURN в связке ключей…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Storing the password in the keychain…</source>
        <translation>Сохранение пароля в связке ключей…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>The account is saved, but the TURN password could not be stored: %1</source>
        <translation>Учётная запись сохранена, но пароль TURN сохранить не удалось: %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The account is saved, but the password could not be stored: %1</source>
        <translation>Учётная запись сохранена, но пароль сохранить не удалось: %1</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Passwords are kept in the system keychain.</source>
        <translation>Пароли хранятся в системной связке ключей.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Secure storage is unavailable: the password is kept in memory only, until Callboard quits.</source>
        <translation>Защищённое хранилище недоступно: пароль хранится только в памяти, до выхода из Callboard.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>No keychain answered.</source>
        <translation>Связка ключей не ответила.</translation>
    </message>
</context>
<context>
    <name>ui::AccountsDialog</name>
    <message>
        <location filename="../ui/dialogs/AccountsDialog.cpp" line="+37"/>
        <location line="+3"/>
        <source>Accounts</source>
        <translation>Учётные записи</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Add…</source>
        <translation>&amp;Добавить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Edit…</source>
        <translation>&amp;Изменить…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>D&amp;uplicate…</source>
        <translation>Ду&amp;блировать…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Remove</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Connect</source>
        <translation>&amp;Подключить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Disconnect</source>
        <translation>&amp;Отключить</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Cannot connect: %1</source>
        <translation>Не удаётся подключиться: %1</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>SIP over WebSocket</source>
        <translation>SIP через WebSocket</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCS</source>
        <translation>WCS</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>not connected</source>
        <translation>не подключена</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>connected</source>
        <translation>подключена</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connection failed</source>
        <translation>ошибка подключения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>connecting</source>
        <translation>подключается</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 — %2, %3</source>
        <translation>%1 — %2, %3</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>%1 (copy)</source>
        <translation>%1 (копия)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Remove account</source>
        <translation>Удаление учётной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove the account &quot;%1&quot; and its stored password?</source>
        <translation>Удалить учётную запись «%1» и её сохранённый пароль?</translation>
    </message>
</context>
<context>
    <name>ui::CallMediaBar</name>
    <message>
        <location filename="../ui/widgets/CallMediaBar.cpp" line="+51"/>
        <source>Mute</source>
        <translation>Без звука</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Mic:</source>
        <translation>Микрофон:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Speaker:</source>
        <translation>Динамик:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Mute or unmute your microphone in the selected call (%1)</source>
        <extracomment>%1 is the keyboard shortcut (Ctrl+M)</extracomment>
        <translation>Выключить или включить ваш микрофон в выбранном вызове (%1)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Mute microphone</source>
        <translation>Выключить микрофон</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Microphone level</source>
        <translation>Уровень микрофона</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your microphone level in the selected call</source>
        <translation>Уровень вашего микрофона в выбранном вызове</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Received level</source>
        <translation>Уровень принимаемого звука</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The level of what you hear from the peer</source>
        <translation>Уровень того, что вы слышите от собеседника</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>No audio for this call</source>
        <translation>У этого вызова нет звука</translation>
    </message>
</context>
<context>
    <name>ui::DataPanel</name>
    <message>
        <location filename="../ui/widgets/DataPanel.cpp" line="+34"/>
        <source>Se&amp;nd</source>
        <translation>&amp;Отправить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>F&amp;ormat</source>
        <translation>&amp;Форматировать</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;lear log</source>
        <translation>О&amp;чистить журнал</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>JSON to send, e.g. {&quot;command&quot;: &quot;ping&quot;}</source>
        <translation>JSON для отправки, например {&quot;command&quot;: &quot;ping&quot;}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>JSON payload</source>
        <translation>Данные JSON</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send to the backend (Ctrl+Enter)</source>
        <translation>Отправить на бэкенд (Ctrl+Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Selected payload</source>
        <translation>Выбранные данные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select a row to see its payload</source>
        <translation>Выберите строку, чтобы увидеть её данные</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Data log</source>
        <translation>Журнал данных</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Account:</source>
        <translation>&amp;Учётная запись:</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Sent and received (newest first)</source>
        <translation>Отправленные и полученные (сначала новые)</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>No connected account</source>
        <translation>Нет подключённой учётной записи</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Enter a JSON value, e.g. {&quot;key&quot;: &quot;value&quot;}.</source>
        <translation>Введите значение JSON, например {&quot;key&quot;: &quot;value&quot;}.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Invalid JSON at line %1, column %2: %3</source>
        <extracomment>%1 line, %2 column, %3 Qt&apos;s parse error text</extracomment>
        <translation>Ошибка JSON в строке %1, столбце %2: %3</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Enter exactly one JSON value.</source>
        <translation>Введите ровно одно значение JSON.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>No account is connected.</source>
        <translation>Нет подключённых учётных записей.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>info: %1</source>
        <extracomment>Shown under a payload: the reason the backend gave</extracomment>
        <translation>info: %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>operationId: %1</source>
        <extracomment>Shown under a payload</extracomment>
        <translation>operationId: %1</translation>
    </message>
</context>
<context>
    <name>ui::DataStatusDelegate</name>
    <message>
        <location filename="../ui/delegates/DataStatusDelegate.cpp" line="+50"/>
        <source>Data status: %1</source>
        <extracomment>Screen-reader text of a data badge, %1 is the status</extracomment>
        <translation>Статус данных: %1</translation>
    </message>
</context>
<context>
    <name>ui::DebugPanel</name>
    <message>
        <location filename="../ui/widgets/DebugPanel.cpp" line="+30"/>
        <source>No account is connected.</source>
        <translation>Нет подключённых учётных записей.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Server debug session</source>
        <translation>Сеанс отладки на сервере</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server logs this session in detail and names the log file when stopped.</source>
        <translation>Сервер подробно журналирует этот сеанс и после остановки сообщает имя файла журнала.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Live log</source>
        <translation>Журнал в реальном времени</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Local logging</source>
        <translation>Локальное журналирование</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>debug</source>
        <translation>отладка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>info</source>
        <translation>инфо</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>warning</source>
        <translation>предупреждение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>critical</source>
        <translation>критический</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>off</source>
        <translation>выкл.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Minimum log level of %1</source>
        <extracomment>Accessible name of a logging level combo; %1 is a category like callboard.wcs.protocol</extracomment>
        <translation>Минимальный уровень журнала для %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Messages below this level are not logged</source>
        <translation>Сообщения ниже этого уровня не записываются</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Debug session</source>
        <translation>Сеанс отладки</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Start or stop the server debug session</source>
        <translation>Запустить или остановить сеанс отладки на сервере</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connect the account first</source>
        <translation>Сначала подключите учётную запись</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server debug session of %1</source>
        <translation>Сеанс отладки на сервере для %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Debug log: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</source>
        <translation>Журнал отладки: &lt;a href=&quot;%1&quot;&gt;%2&lt;/a&gt;</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Debug log: %1</source>
        <translation>Журнал отладки: %1</translation>
    </message>
</context>
<context>
    <name>ui::EventsPanel</name>
    <message>
        <location filename="../ui/widgets/EventsPanel.cpp" line="+64"/>
        <source>C&amp;lear</source>
        <translation>&amp;Очистить</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>All events</source>
        <translation>Все события</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Event type filter</source>
        <translation>Фильтр по типу события</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All accounts</source>
        <translation>Все учётные записи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Account filter</source>
        <translation>Фильтр по учётной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+54"/>
        <source>P&amp;ause</source>
        <translation>&amp;Пауза</translation>
    </message>
    <message>
        <location line="-52"/>
        <source>E&amp;xport JSON Lines…</source>
        <translation>&amp;Экспорт в JSON Lines…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Hold new events; they are shown on resume</source>
        <translation>Задерживать новые события; они появятся после продолжения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the events shown (filters apply) as JSON Lines</source>
        <translation>Сохранить показанные события (с учётом фильтров) в формате JSON Lines</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search type, object, status, JSON</source>
        <translation>Поиск по типу, объекту, статусу, JSON</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search events</source>
        <translation>Поиск событий</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Type:</source>
        <translation>&amp;Тип:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Acc&amp;ount:</source>
        <translation>&amp;Учётная запись:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stat&amp;us:</source>
        <translation>&amp;Статус:</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Event log</source>
        <translation>Журнал событий</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Resume</source>
        <translation>&amp;Продолжить</translation>
    </message>
    <message>
        <location line="+91"/>
        <location line="+8"/>
        <source>Export events</source>
        <translation>Экспорт событий</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>JSON Lines (*.jsonl);;All files (*)</source>
        <translation>JSON Lines (*.jsonl);;Все файлы (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot write %1.</source>
        <translation>Не удаётся записать %1.</translation>
    </message>
    <message numerus="yes">
        <location line="+3"/>
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Экспортировано %n событие.</numerusform>
            <numerusform>Экспортировано %n события.</numerusform>
            <numerusform>Экспортировано %n событий.</numerusform>
        </translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Events: %1 of %2</source>
        <translation>События: %1 из %2</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1, paused: %2 held</source>
        <extracomment>%1 is &quot;Events: ...&quot;; %2 events that arrived while paused and wait to be shown</extracomment>
        <translation>%1, пауза: ожидают %2</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Events: %1</source>
        <extracomment>%1 events shown by the filters, %2 events in the log</extracomment>
        <translation>События: %1</translation>
    </message>
</context>
<context>
    <name>ui::HistoryPanel</name>
    <message>
        <location filename="../ui/widgets/HistoryPanel.cpp" line="+33"/>
        <source>&amp;Call back</source>
        <translation>&amp;Перезвонить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;fresh</source>
        <translation>&amp;Обновить</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>All calls</source>
        <translation>Все вызовы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missed</source>
        <translation>Пропущенные</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Incoming</source>
        <translation>Входящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outgoing</source>
        <translation>Исходящие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which calls</source>
        <translation>Какие вызовы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account filter</source>
        <translation>Фильтр по учётной записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Search number or name</source>
        <translation>Поиск по номеру или имени</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search history</source>
        <translation>Поиск в журнале вызовов</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Call the selected number again (or double-click the row)</source>
        <translation>Позвонить на выбранный номер ещё раз (или дважды щёлкните строку)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Sho&amp;w:</source>
        <translation>По&amp;казать:</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Call history</source>
        <translation>Журнал вызовов</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>All accounts</source>
        <translation>Все учётные записи</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>%1 shown, %2 missed</source>
        <extracomment>%1 calls shown; %2 missed calls among all loaded</extracomment>
        <translation>Показано: %1, пропущенных: %2</translation>
    </message>
</context>
<context>
    <name>ui::HookServerBox</name>
    <message>
        <location filename="../ui/widgets/HookServerBox.cpp" line="+21"/>
        <source>Hook server</source>
        <translation>Сервер хуков</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Con&amp;figure…</source>
        <translation>&amp;Настроить…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Hook server address</source>
        <translation>Адрес сервера хуков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hook requests per second</source>
        <translation>Запросов хуков в секунду</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hook errors</source>
        <translation>Ошибки хуков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last hook request</source>
        <translation>Последний запрос хука</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Listening on %1 (signed)</source>
        <translation>Принимает на %1 (с подписью)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listening on %1</source>
        <translation>Принимает на %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Set this URL as the REST hook URL of the application on WCS.</source>
        <translation>Укажите этот URL как адрес REST-хука приложения на WCS.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Off: enable it in Configure…</source>
        <translation>Выключен: включите в «Настроить…»</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Not listening: %1</source>
        <translation>Не принимает: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 req/s</source>
        <translation>%1 запр./с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted %1 · refused %2 · errors %3</source>
        <translation>Принято %1 · отклонено %2 · ошибок %3</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Last request: none</source>
        <translation>Последний запрос: нет</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Last: %1 → %2, %3 s ago</source>
        <translation>Последний: %1 → %2, %3 с назад</translation>
    </message>
</context>
<context>
    <name>ui::IncomingCallPopup</name>
    <message>
        <location filename="../ui/widgets/IncomingCallPopup.cpp" line="+21"/>
        <location line="+9"/>
        <source>Incoming call</source>
        <translation>Входящий вызов</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>%1 &lt;%2&gt;</source>
        <translation>%1 &lt;%2&gt;</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>to %1</source>
        <translation>на %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Answer</source>
        <translation>Ответить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Reject</source>
        <translation>Отклонить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Answer the call from %1</source>
        <translation>Ответить на вызов от %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reject the call from %1</source>
        <translation>Отклонить вызов от %1</translation>
    </message>
</context>
<context>
    <name>ui::LevelMeter</name>
    <message>
        <location filename="../ui/widgets/LevelMeterAccessible.cpp" line="+47"/>
        <source>%1 dB</source>
        <extracomment>Accessible value of an audio level meter, in decibels below full scale</extracomment>
        <translation>%1 дБ</translation>
    </message>
</context>
<context>
    <name>ui::LogView</name>
    <message>
        <location filename="../ui/widgets/LogView.cpp" line="+30"/>
        <source>F&amp;ollow</source>
        <translation>&amp;Автопрокрутка</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clea&amp;r view</source>
        <translation>&amp;Очистить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E&amp;xport logs…</source>
        <translation>&amp;Экспорт журнала…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All categories</source>
        <translation>Все категории</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Log category filter</source>
        <translation>Фильтр по категории журнала</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Debug and up</source>
        <translation>Отладка и выше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Info and up</source>
        <translation>Инфо и выше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Warnings and up</source>
        <translation>Предупреждения и выше</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Critical only</source>
        <translation>Только критические</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log level filter</source>
        <translation>Фильтр по уровню журнала</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Search log</source>
        <translation>Поиск в журнале</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep the newest line in view</source>
        <translation>Держать в поле зрения самую новую строку</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save every stored log line to a text file (passwords are redacted)</source>
        <translation>Сохранить все строки журнала в текстовый файл (пароли скрыты)</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Live log</source>
        <translation>Журнал в реальном времени</translation>
    </message>
    <message>
        <location line="+55"/>
        <source>Lines: %1 of %2</source>
        <extracomment>%1 log lines shown by the filters, %2 lines kept</extracomment>
        <translation>Строк: %1 из %2</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Cannot export the log: %1</source>
        <translation>Не удаётся экспортировать журнал: %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Log exported to %1</source>
        <translation>Журнал экспортирован в %1</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Export logs</source>
        <translation>Экспорт журнала</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Log files (*.log *.txt);;All files (*)</source>
        <translation>Файлы журнала (*.log *.txt);;Все файлы (*)</translation>
    </message>
</context>
<context>
    <name>ui::MainWindow</name>
    <message>
        <location filename="../ui/windows/MainWindow.cpp" line="+30"/>
        <source>&amp;Phone</source>
        <translation>&amp;Телефон</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Streams</source>
        <translation>&amp;Потоки</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Se&amp;rvers</source>
        <translation>С&amp;ерверы</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Data</source>
        <translation>&amp;Данные</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Messages</source>
        <translation>Сооб&amp;щения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Events</source>
        <translation>&amp;События</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;History</source>
        <translation>&amp;История</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>About Callboard</source>
        <translation>О программе Callboard</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Callboard %1&lt;/b&gt;&lt;p&gt;Desktop softphone and live stream monitor for Flashphoner Web Call Server.&lt;/p&gt;</source>
        <translation>&lt;b&gt;Callboard %1&lt;/b&gt;&lt;p&gt;Настольный софтфон и монитор потоков для Flashphoner Web Call Server.&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>ui::MessagesPanel</name>
    <message>
        <location filename="../ui/widgets/MessagesPanel.cpp" line="+32"/>
        <source>Se&amp;nd</source>
        <translation>О&amp;тправить</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account</source>
        <translation>Учётная запись</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>bob, bob@example.net or sip:bob@example.net</source>
        <translation>bob, bob@example.net или sip:bob@example.net</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Recipient</source>
        <translation>Получатель</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write a message and press Enter</source>
        <translation>Напишите сообщение и нажмите Enter</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Message</source>
        <translation>Сообщение</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Send as SIP MESSAGE (Enter)</source>
        <translation>Отправить как SIP MESSAGE (Enter)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+32"/>
        <source>Conversations</source>
        <translation>Переписки</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>Messages</source>
        <translation>Сообщения</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;From:</source>
        <translation>&amp;От:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;To:</source>
        <translation>&amp;Кому:</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>No SIP over WebSocket account is connected.</source>
        <translation>Нет подключённых учётных записей SIP через WebSocket.</translation>
    </message>
    <message numerus="yes">
        <location line="+15"/>
        <source>%1
%2 · %3 · %n message(s)</source>
        <translation>
            <numerusform>%1
%2 · %3 · %n сообщение</numerusform>
            <numerusform>%1
%2 · %3 · %n сообщения</numerusform>
            <numerusform>%1
%2 · %3 · %n сообщений</numerusform>
        </translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Connect a SIP over WebSocket account to send messages.</source>
        <translation>Подключите учётную запись SIP через WebSocket, чтобы отправлять сообщения.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Enter who the message is for.</source>
        <translation>Укажите получателя сообщения.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write a message first.</source>
        <translation>Сначала напишите сообщение.</translation>
    </message>
</context>
<context>
    <name>ui::NodeBadgeStyle</name>
    <message>
        <location filename="../ui/widgets/NodeBadgeStyle.cpp" line="+13"/>
        <source>Hooks only</source>
        <translation>Только хуки</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Not polled</source>
        <translation>Не опрашивается</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Reachable</source>
        <translation>Доступен</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unauthorized</source>
        <translation>Не авторизован</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Server error</source>
        <translation>Ошибка сервера</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Unreachable</source>
        <translation>Недоступен</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>REST API: %1</source>
        <translation>REST API: %1</translation>
    </message>
</context>
<context>
    <name>ui::NodeTable</name>
    <message>
        <location filename="../ui/widgets/NodeTable.cpp" line="+34"/>
        <source>Node</source>
        <translation>Узел</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>REST API</source>
        <translation>REST API</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Conn.</source>
        <translation>Соед.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>In</source>
        <translation>Вх.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Out</source>
        <translation>Исх.</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Connections (node statistics)</source>
        <translation>Соединения (статистика узла)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streams coming in (published)</source>
        <translation>Входящие потоки (публикуемые)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Streams going out (played)</source>
        <translation>Исходящие потоки (воспроизводимые)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Server nodes</source>
        <translation>Узлы серверов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All nodes</source>
        <translation>Все узлы</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>%1 (id %2)</source>
        <translation>%1 (id %2)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Last answer: %1</source>
        <translation>Последний ответ: %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>HTTP %1: %2</source>
        <translation>HTTP %1: %2</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Seen in REST hooks; no REST API configured for this node id.</source>
        <translation>Встречается в REST-хуках; для этого идентификатора узла REST API не настроен.</translation>
    </message>
</context>
<context>
    <name>ui::PasswordPrompt</name>
    <message>
        <location filename="../ui/dialogs/PasswordPrompt.cpp" line="+20"/>
        <source>Password for %1</source>
        <translation>Пароль для %1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Account &lt;b&gt;%1&lt;/b&gt; needs its SIP password.</source>
        <translation>Для учётной записи &lt;b&gt;%1&lt;/b&gt; нужен пароль SIP.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Remember in the keychain</source>
        <translation>Запомнить в связке ключей</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Keep for this session only</source>
        <translation>Только на этот сеанс</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Secure storage is unavailable.</source>
        <translation>Защищённое хранилище недоступно.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Secure storage is unavailable: %1</source>
        <translation>Защищённое хранилище недоступно: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Connect</source>
        <translation>Под&amp;ключить</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Password:</source>
        <translation>&amp;Пароль:</translation>
    </message>
</context>
<context>
    <name>ui::PhonePanel</name>
    <message>
        <location filename="../ui/widgets/PhonePanel.cpp" line="+49"/>
        <source>Calls</source>
        <translation>Вызовы</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Key %1</source>
        <extracomment>Accessible name of a dial pad key, %1 is the digit, * or #</extracomment>
        <translation>Клавиша %1</translation>
    </message>
    <message>
        <location line="+125"/>
        <source>%1 (offline)</source>
        <extracomment>An account in the phone&apos;s account picker that is not connected</extracomment>
        <translation>%1 (не в сети)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>%1 (not registered)</source>
        <translation>%1 (не зарегистрирована)</translation>
    </message>
</context>
<context>
    <name>ui::PublishDialog</name>
    <message>
        <location filename="../ui/dialogs/PublishDialog.cpp" line="+27"/>
        <source>&amp;Audio</source>
        <translation>&amp;Аудио</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Video</source>
        <translation>&amp;Видео</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Record on the server</source>
        <translation>&amp;Записывать на сервере</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Publish a stream</source>
        <translation>Публикация потока</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play a stream</source>
        <translation>Воспроизведение потока</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>e.g. desk-cam</source>
        <translation>например, desk-cam</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of a published stream</source>
        <translation>Имя опубликованного потока</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Publish</source>
        <translation>&amp;Опубликовать</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>P&amp;lay</source>
        <translation>Воспро&amp;извести</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A&amp;ccount:</source>
        <translation>&amp;Учётная запись:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Stream name:</source>
        <translation>Имя &amp;потока:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Media:</source>
        <translation>Медиа:</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>Enter a stream name.</source>
        <translation>Введите имя потока.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The name is longer than %1 characters.</source>
        <translation>Имя слишком длинное (не более %1 симв.).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name must not contain control characters.</source>
        <translation>Имя не должно содержать управляющих символов.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The name must not contain “%1”.</source>
        <extracomment>%1 is the offending character</extracomment>
        <translation>Имя не должно содержать «%1».</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No account is connected.</source>
        <translation>Нет подключённых учётных записей.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Choose audio, video or both.</source>
        <translation>Выберите аудио, видео или и то и другое.</translation>
    </message>
</context>
<context>
    <name>ui::RefuseRulesBox</name>
    <message>
        <location filename="../ui/widgets/RefuseRulesBox.cpp" line="+12"/>
        <source>Refuse by name</source>
        <translation>Запрет по имени</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Refuse</source>
        <translation>&amp;Запретить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remo&amp;ve</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+40"/>
        <source>Publishing</source>
        <translation>Публикация</translation>
    </message>
    <message>
        <location line="-39"/>
        <location line="+38"/>
        <source>Playing</source>
        <translation>Воспроизведение</translation>
    </message>
    <message>
        <location line="-37"/>
        <source>Refused action</source>
        <translation>Запрещаемое действие</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>name pattern, e.g. test-*</source>
        <translation>шаблон имени, например test-*</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream name pattern</source>
        <translation>Шаблон имени потока</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>* = any text, ? = one character; the whole name must match.</source>
        <translation>* — любой текст, ? — один символ; имя должно совпадать целиком.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse rules</source>
        <translation>Правила запрета</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>%1 of &quot;%2&quot; refused</source>
        <translation>%1 «%2»: запрещено</translation>
    </message>
</context>
<context>
    <name>ui::RestClientConfigEditor</name>
    <message>
        <location filename="../ui/dialogs/RestClientConfigEditor.cpp" line="+44"/>
        <source>restClientConfig per REST method</source>
        <translation>restClientConfig для каждого метода REST</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sent in the connect reply. Fields are comma-separated names, e.g. sdp.</source>
        <translation>Отправляется в ответе на connect. Поля — имена через запятую, например sdp.</translation>
    </message>
</context>
<context>
    <name>ui::ServerMonitorDialog</name>
    <message>
        <location filename="../ui/dialogs/ServerMonitorDialog.cpp" line="+27"/>
        <source>Servers</source>
        <translation>Серверы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Hook server</source>
        <translation>Сервер &amp;хуков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>REST API &amp;nodes</source>
        <translation>&amp;Узлы REST API</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>&amp;Listen for WCS REST hooks</source>
        <translation>&amp;Принимать REST-хуки WCS</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>127.0.0.1 = this machine only. Bind elsewhere only on purpose.</source>
        <translation>127.0.0.1 — только этот компьютер. Другой адрес указывайте, только если это действительно нужно.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>any free port</source>
        <translation>любой свободный порт</translation>
    </message>
    <message>
        <location line="+4"/>
        <source> KiB</source>
        <translation> КиБ</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>any client, e.g. 10.0.0.0/8, 192.168.1.7</source>
        <translation>любой клиент, например 10.0.0.0/8, 192.168.1.7</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WCS streaming_sessions_keep_alive_interval</source>
        <translation>Параметр WCS streaming_sessions_keep_alive_interval</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Stale after this many intervals without a keep-alive</source>
        <translation>Считать устаревшим после стольких интервалов без keep-alive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the Authorization: WCS &amp;signature</source>
        <translation>Проверять по&amp;дпись Authorization: WCS</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+56"/>
        <source>kept in the keychain; type to replace</source>
        <translation>хранится в связке ключей; введите новый, чтобы заменить</translation>
    </message>
    <message>
        <location line="-55"/>
        <source>rest_hook_secret_key of WCS</source>
        <translation>rest_hook_secret_key в WCS</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Address:</source>
        <translation>&amp;Адрес:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Port:</source>
        <translation>П&amp;орт:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Path p&amp;refix:</source>
        <translation>Пре&amp;фикс пути:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Body limit:</source>
        <translation>&amp;Лимит тела запроса:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Allo&amp;wed clients:</source>
        <translation>&amp;Разрешённые клиенты:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keep-alive interval:</source>
        <translation>&amp;Интервал keep-alive:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;tale after:</source>
        <translation>Устаревает &amp;через:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Shared s&amp;ecret:</source>
        <translation>Общий с&amp;екрет:</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Keychain unavailable</source>
        <translation>Связка ключей недоступна</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secure storage is unavailable: %1 Secrets cannot be saved.</source>
        <translation>Защищённое хранилище недоступно: %1 Секреты нельзя сохранить.</translation>
    </message>
</context>
<context>
    <name>ui::ServerNodesEditor</name>
    <message>
        <location filename="../ui/dialogs/ServerNodesEditor.cpp" line="+24"/>
        <source>&amp;Add node</source>
        <translation>&amp;Добавить узел</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Re&amp;move</source>
        <translation>&amp;Удалить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>REST API nodes</source>
        <translation>Узлы REST API</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Use the nodeId WCS reports, so hooks and polls of one node meet.</source>
        <translation>Используйте nodeId, который сообщает WCS, чтобы хуки и опросы одного узла сопоставлялись.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>none</source>
        <translation>не задан</translation>
    </message>
    <message>
        <location line="+3"/>
        <source> s</source>
        <translation> с</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Id:</source>
        <translation>&amp;Идентификатор:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Name:</source>
        <translation>Им&amp;я:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REST &amp;API URL:</source>
        <translation>&amp;Адрес REST API:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;User:</source>
        <translation>&amp;Пользователь:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Password:</source>
        <translation>Паро&amp;ль:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Poll &amp;every:</source>
        <translation>&amp;Опрашивать каждые:</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>node-%1</source>
        <translation>node-%1</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>kept in the keychain; type to replace</source>
        <translation>хранится в связке ключей; введите новый, чтобы заменить</translation>
    </message>
</context>
<context>
    <name>ui::ServersPanel</name>
    <message>
        <location filename="../ui/widgets/ServersPanel.cpp" line="+41"/>
        <source>&amp;Poll now</source>
        <translation>&amp;Опросить сейчас</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Action outcomes</source>
        <translation>Результаты действий</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Refuse playing of streams named &quot;%1&quot;?</source>
        <translation>Запретить воспроизведение потоков с именем «%1»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse publishing of streams named &quot;%1&quot;?</source>
        <translation>Запретить публикацию потоков с именем «%1»?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Refuse streams</source>
        <translation>Запрет потоков</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>WCS asks this backend first; it will answer 403.</source>
        <translation>WCS сначала обращается к этому бэкенду; он ответит 403.</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>Streams of the selected node</source>
        <translation>Потоки выбранного узла</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Terminate stream</source>
        <translation>Завершить &amp;поток</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCS REST API /stream/terminate</source>
        <translation>WCS REST API /stream/terminate</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminate &amp;connection</source>
        <translation>Завершить &amp;соединение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>WCS REST API /connection/terminate: the client&apos;s whole session</source>
        <translation>WCS REST API /connection/terminate: весь сеанс клиента</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;End at keep-alive</source>
        <translation>Обо&amp;рвать на keep-alive</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Answer 403 to the stream&apos;s next StreamKeepAliveEvent: WCS ends the stream</source>
        <translation>Ответить 403 на следующее StreamKeepAliveEvent потока: WCS завершит поток</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Terminate stream</source>
        <translation>Завершение потока</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Terminate stream &quot;%1&quot; on its server?</source>
        <translation>Завершить поток «%1» на его сервере?</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Terminate connection</source>
        <translation>Завершение соединения</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Terminate the connection that owns &quot;%1&quot;? All its streams and calls end.</source>
        <translation>Завершить соединение, которому принадлежит «%1»? Все его потоки и вызовы будут завершены.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>End at keep-alive</source>
        <translation>Оборвать на keep-alive</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>End stream &quot;%1&quot; at its next keep-alive?</source>
        <translation>Оборвать поток «%1» при следующем keep-alive?</translation>
    </message>
</context>
<context>
    <name>ui::SettingsDialog</name>
    <message>
        <location filename="../ui/dialogs/SettingsDialog.cpp" line="+27"/>
        <location line="+94"/>
        <source>System default</source>
        <translation>Как в системе</translation>
    </message>
    <message>
        <location line="-88"/>
        <source>%1 (not connected)</source>
        <translation>%1 (не подключена)</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>RFC 2833 (in the audio stream)</source>
        <translation>RFC 2833 (в аудиопотоке)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIP INFO</source>
        <translation>SIP INFO</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Incoming call</source>
        <translation>Входящий вызов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Missed call</source>
        <translation>Пропущенный вызов</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stream failed</source>
        <translation>Сбой потока</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection lost</source>
        <translation>Соединение потеряно</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Connection restored</source>
        <translation>Соединение восстановлено</translation>
    </message>
</context>
<context>
    <name>ui::SnapshotDialog</name>
    <message>
        <location filename="../ui/dialogs/SnapshotDialog.cpp" line="+37"/>
        <source>Snapshot of %1</source>
        <extracomment>%1 is the stream name</extracomment>
        <translation>Снимок %1</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Snapshot picture</source>
        <translation>Изображение снимка</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 × %2 pixels</source>
        <extracomment>%1 x %2 is the picture size in pixels</extracomment>
        <translation>%1 × %2 пикс.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The server sent a snapshot that is not a readable picture.</source>
        <translation>Сервер прислал снимок, который не удаётся прочитать как изображение.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The snapshot failed.</source>
        <translation>Не удалось сделать снимок.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The snapshot failed: %1</source>
        <translation>Не удалось сделать снимок: %1</translation>
    </message>
</context>
<context>
    <name>ui::StatusBadge</name>
    <message>
        <location filename="../ui/widgets/StatusBadge.cpp" line="+21"/>
        <source>Reason: %1</source>
        <translation>Причина: %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Since %1</source>
        <translation>С %1</translation>
    </message>
</context>
<context>
    <name>ui::StatusBadgeStyle</name>
    <message>
        <location filename="../ui/widgets/StatusBadgeStyle.cpp" line="+29"/>
        <source>%1: %2</source>
        <extracomment>Screen reader text of a status badge: &quot;&lt;family&gt;: &lt;status&gt;&quot;, e.g. &quot;Call status: Ringing&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Connection</source>
        <translation>Соединение</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>SIP registration</source>
        <translation>Регистрация SIP</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Server debug log</source>
        <translation>Журнал отладки на сервере</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Call status</source>
        <translation>Статус вызова</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer status</source>
        <translation>Статус перевода</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stream status</source>
        <translation>Статус потока</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
</context>
<context>
    <name>ui::StatusStrip</name>
    <message>
        <location filename="../ui/widgets/StatusStrip.cpp" line="+18"/>
        <source>No account is connected.</source>
        <translation>Нет подключённых учётных записей.</translation>
    </message>
</context>
<context>
    <name>ui::StreamDetailsDialog</name>
    <message>
        <location filename="../ui/dialogs/StreamDetailsDialog.cpp" line="+70"/>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Value</source>
        <translation>Значение</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Время</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Info</source>
        <translation>Сведения</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Stream %1</source>
        <extracomment>%1 is the stream name</extracomment>
        <translation>Поток %1</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last status event</source>
        <translation>Последнее событие статуса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Stream history</source>
        <translation>История потока</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Last StreamStatusEvent, received %1</source>
        <translation>Последнее StreamStatusEvent, получено %1</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>No journal entry: fields as the monitor knows them</source>
        <translation>Нет записи в журнале: поля в том виде, в каком их знает монитор</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>No history recorded</source>
        <translation>История не записана</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>History (newest first)</source>
        <translation>История (сначала новые)</translation>
    </message>
</context>
<context>
    <name>ui::StreamMetricsBox</name>
    <message>
        <location filename="../ui/widgets/StreamMetricsBox.cpp" line="+22"/>
        <source>Selected stream</source>
        <translation>Выбранный поток</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Stream:</source>
        <translation>Поток:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keep-alive:</source>
        <translation>Keep-alive:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Video:</source>
        <translation>Видео:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Audio:</source>
        <translation>Аудио:</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NACK/lost:</source>
        <translation>NACK/потери:</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Select a stream</source>
        <translation>Выберите поток</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>%1 on %2</source>
        <translation>%1 на %2</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>none yet</source>
        <translation>пока нет</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>%1 s ago</source>
        <translation>%1 с назад</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1 – STALE</source>
        <translation>%1 – УСТАРЕЛ</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>%1 kbit/s, %2 fps, %3×%4</source>
        <translation>%1 кбит/с, %2 кадр/с, %3×%4</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>%1 kbit/s</source>
        <translation>%1 кбит/с</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NACK %1, lost video %2, audio %3</source>
        <translation>NACK %1, потеряно видео %2, аудио %3</translation>
    </message>
</context>
<context>
    <name>ui::StreamPreviewDialog</name>
    <message>
        <location filename="../ui/dialogs/StreamPreviewDialog.cpp" line="+60"/>
        <source>Preview of %1</source>
        <extracomment>%1 is the stream name</extracomment>
        <translation>Предпросмотр %1</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Audio only preview: the video of this stream is not shown.</source>
        <translation>Предпросмотр только звука: видео этого потока не показывается.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received audio level</source>
        <translation>Уровень принимаемого звука</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+136"/>
        <source>Level of the audio received from the server</source>
        <translation>Уровень звука, принимаемого с сервера</translation>
    </message>
    <message>
        <location line="-134"/>
        <source>Received audio</source>
        <translation>Принимаемый звук</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Stream video</source>
        <translation>Видео потока</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Waiting for the first statistics…</source>
        <translation>Ожидание первой статистики…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>↓%1 kbit/s</source>
        <extracomment>received audio bitrate</extracomment>
        <translation>↓%1 кбит/с</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>packets %1</source>
        <extracomment>audio packets received so far</extracomment>
        <translation>пакетов %1</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>loss %1 %</source>
        <translation>потери %1 %</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>jitter %1 ms</source>
        <translation>джиттер %1 мс</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Plays over WebRTC (audio only) from the server&apos;s media ports.</source>
        <translation>Воспроизведение по WebRTC (только звук) с медиапортов сервера.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The HLS stream could not be played (WebRTC not used: %1).</source>
        <extracomment>%1 says why WebRTC is not used</extracomment>
        <translation>Поток HLS воспроизвести не удалось (WebRTC не используется: %1).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Plays the HLS stream (a few seconds behind live): %1.</source>
        <translation>Воспроизводится поток HLS (с отставанием в несколько секунд): %1.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not playing.</source>
        <translation>Не воспроизводится.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stopped.</source>
        <translation>Остановлено.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>HLS playback reports no audio level</source>
        <translation>При воспроизведении HLS уровень звука недоступен</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>HLS: %1</source>
        <translation>HLS: %1</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Stop</source>
        <translation>&amp;Остановить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Play</source>
        <translation>&amp;Воспроизвести</translation>
    </message>
</context>
<context>
    <name>ui::StreamsPanel</name>
    <message>
        <location filename="../ui/widgets/StreamsPanel.cpp" line="+52"/>
        <source>Name, mediaSessionId or info</source>
        <translation>Имя, mediaSessionId или info</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stream filter</source>
        <translation>Фильтр потоков</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status filter</source>
        <translation>Фильтр по статусу</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All statuses</source>
        <translation>Все статусы</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Live only</source>
        <translation>Только активные</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Account or node filter</source>
        <translation>Фильтр по учётной записи или узлу</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+195"/>
        <source>All sources</source>
        <translation>Все источники</translation>
    </message>
    <message>
        <location line="-193"/>
        <source>&amp;Filter:</source>
        <translation>&amp;Фильтр:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Status:</source>
        <translation>Стат&amp;ус:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;ource:</source>
        <translation>&amp;Источник:</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Streams</source>
        <translation>Потоки</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Stream actions</source>
        <translation>Действия с потоками</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Publish…</source>
        <translation>&amp;Опубликовать…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Publish a stream from one of your accounts</source>
        <translation>Опубликовать поток с одной из ваших учётных записей</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pla&amp;y…</source>
        <translation>&amp;Воспроизвести…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Play a stream by name</source>
        <translation>Воспроизвести поток по имени</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Pre&amp;view</source>
        <translation>Пред&amp;просмотр</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Listen to the selected stream in a preview pane</source>
        <translation>Прослушать выбранный поток в окне предпросмотра</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>S&amp;top</source>
        <translation>Ос&amp;тановить</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Unpublish or stop the selected stream of your session</source>
        <translation>Снять с публикации или остановить выбранный поток вашего сеанса</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Snaps&amp;hot</source>
        <translation>&amp;Снимок</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Take a snapshot of the selected stream</source>
        <translation>Сделать снимок выбранного потока</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;HLS URL</source>
        <translation>Копировать URL &amp;HLS</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the HLS playlist address of the stream</source>
        <translation>Скопировать адрес плейлиста HLS для потока</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Copy &amp;record URL</source>
        <translation>Копировать URL &amp;записи</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Copy the download address of the recording</source>
        <translation>Скопировать адрес для скачивания записи</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Details</source>
        <translation>&amp;Подробности</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Every field of the last status event, and its history</source>
        <translation>Все поля последнего события статуса и история потока</translation>
    </message>
    <message>
        <location line="+107"/>
        <source>Account: %1</source>
        <extracomment>Source filter entry: one of our accounts</extracomment>
        <translation>Учётная запись: %1</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Node: %1</source>
        <extracomment>Source filter entry: a WCS node</extracomment>
        <translation>Узел: %1</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>%1 of %2 streams</source>
        <extracomment>Shown / total streams in the stream monitor</extracomment>
        <translation>Потоков: %1 из %2</translation>
    </message>
</context>
<context>
    <name>ui::TransferDialog</name>
    <message>
        <location filename="../ui/dialogs/TransferDialog.cpp" line="+21"/>
        <source>Transfer call</source>
        <translation>Перевод вызова</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Transfer %1 to:</source>
        <extracomment>%1 is the number or name of the party being transferred</extracomment>
        <translation>Перевести %1 на:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number or SIP address</source>
        <translation>Номер или SIP-адрес</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Transfer target</source>
        <translation>Куда перевести</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>&amp;Transfer</source>
        <translation>&amp;Перевести</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Type a number or SIP address.</source>
        <translation>Введите номер или SIP-адрес.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>The target must not contain spaces.</source>
        <translation>Адрес перевода не должен содержать пробелов.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>This is not a number or SIP address.</source>
        <translation>Это не номер и не SIP-адрес.</translation>
    </message>
</context>
<context>
    <name>ui::TrayIcon</name>
    <message>
        <location filename="../ui/tray/TrayIcon.cpp" line="+59"/>
        <location line="+130"/>
        <source>Show window</source>
        <translation>Показать окно</translation>
    </message>
    <message>
        <location line="-126"/>
        <source>Do not disturb</source>
        <translation>Не беспокоить</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reject incoming calls at once</source>
        <translation>Сразу отклонять входящие вызовы</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Quit</source>
        <translation>Выход</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>Callboard</source>
        <translation>Callboard</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Do not disturb: incoming calls are rejected</source>
        <translation>Не беспокоить: входящие вызовы отклоняются</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No account</source>
        <translation>Нет учётной записи</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2 (%3)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Connect</source>
        <translation>Подключить</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Disconnect</source>
        <translation>Отключить</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Hide window</source>
        <translation>Скрыть окно</translation>
    </message>
</context>
</TS>
