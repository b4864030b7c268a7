<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ui::EventsPanel</name>
    <message numerus="yes">
        <location filename="../ui/widgets/EventsPanel.cpp" line="+219"/>
        <source>Exported %n event(s).</source>
        <translation>
            <numerusform>Exported %n event.</numerusform>
            <numerusform>Exported %n events.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ui::MessagesPanel</name>
    <message numerus="yes">
        <location filename="../ui/widgets/MessagesPanel.cpp" line="+141"/>
        <source>%1
%2 · %3 · %n message(s)</source>
        <translation>
            <numerusform>%1
%2 · %3 · %n message</numerusform>
            <numerusform>%1
%2 · %3 · %n messages</numerusform>
        </translation>
    </message>
</context>
</TS>
