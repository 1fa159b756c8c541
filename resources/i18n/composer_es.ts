<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="es_ES">
<context>
    <name>Actions</name>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="27" />
        <source>&amp;New</source>
        <translation>&amp;Nuevo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="28" />
        <source>&amp;Open...</source>
        <translation>&amp;Abrir...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="29" />
        <source>&amp;Save</source>
        <translation>&amp;Guardar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="30" />
        <source>Save &amp;As...</source>
        <translation>Guardar &amp;como...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="31" />
        <source>Export &amp;Melody as MIDI...</source>
        <translation>Exportar la &amp;melodía como MIDI...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="32" />
        <source>Export S&amp;election as MIDI...</source>
        <translation>Exportar la s&amp;elección como MIDI...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="33" />
        <source>Export &amp;Variation as MIDI...</source>
        <translation>Exportar la &amp;variación como MIDI...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="34" />
        <source>Export as &amp;WAV...</source>
        <translation>Exportar como &amp;WAV...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="35" />
        <source>Export as Music&amp;XML...</source>
        <translation>Exportar como Music&amp;XML...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="36" />
        <source>A score for MuseScore and other notation programs: the melody with its chord symbols and, when the chords play, their accompaniment</source>
        <translation>Una partitura para MuseScore y otros programas de notación: la melodía con su cifrado y, cuando suenan los acordes, su acompañamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="37" />
        <source>Copy as MIDI &amp;File</source>
        <translation>Copiar como archivo MI&amp;DI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="38" />
        <source>&amp;Preferences...</source>
        <translation>&amp;Preferencias...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="39" />
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="40" />
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="41" />
        <source>&amp;Redo</source>
        <translation>&amp;Rehacer</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="42" />
        <source>Cu&amp;t</source>
        <translation>Cor&amp;tar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="43" />
        <source>&amp;Copy</source>
        <translation>&amp;Copiar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="44" />
        <source>&amp;Paste</source>
        <translation>&amp;Pegar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="45" />
        <source>&amp;Delete</source>
        <translation>&amp;Borrar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="46" />
        <source>Select &amp;All</source>
        <translation>Seleccionar t&amp;odo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="47" />
        <source>Dup&amp;licate</source>
        <translation>D&amp;uplicar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="48" />
        <source>Transpose Up a Semitone</source>
        <translation>Subir un semitono</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="49" />
        <source>Transpose Down a Semitone</source>
        <translation>Bajar un semitono</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="50" />
        <source>Transpose Up an Octave</source>
        <translation>Subir una octava</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="51" />
        <source>Transpose Down an Octave</source>
        <translation>Bajar una octava</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="52" />
        <source>&amp;Quantize</source>
        <translation>Cuanti&amp;zar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="53" />
        <source>&amp;Select Tool</source>
        <translation>Herramienta de &amp;selección</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="53" />
        <source>Select, move and resize notes</source>
        <translation>Seleccionar, mover y alargar notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="54" />
        <source>&amp;Draw Tool</source>
        <translation>Herramienta &amp;lápiz</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="54" />
        <source>Click or drag to draw notes</source>
        <translation>Haz clic o arrastra para dibujar notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="55" />
        <source>&amp;Erase Tool</source>
        <translation>Herramienta &amp;goma</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="55" />
        <source>Click or drag over notes to erase them</source>
        <translation>Haz clic o arrastra sobre las notas para borrarlas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="56" />
        <source>Zoom &amp;In</source>
        <translation>&amp;Acercar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="57" />
        <source>Zoom &amp;Out</source>
        <translation>A&amp;lejar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="58" />
        <source>&amp;Play/Stop</source>
        <translation>&amp;Reproducir/Detener</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="59" />
        <source>Go to &amp;Start</source>
        <translation>Ir al &amp;inicio</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="61" />
        <source>Go to &amp;End</source>
        <translation>Ir al &amp;final</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="62" />
        <source>&amp;Metronome</source>
        <translation>&amp;Metrónomo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="63" />
        <source>Click on the beats while the melody plays</source>
        <translation>Marcar los tiempos mientras suena la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="64" />
        <source>Co&amp;unt-in</source>
        <translation>Com&amp;pás de entrada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="65" />
        <source>A bar of clicks before the melody plays</source>
        <translation>Un compás de clics antes de que suene la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="66" />
        <source>&amp;Record</source>
        <translation>&amp;Grabar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="67" />
        <source>Record from the MIDI input at the playhead</source>
        <translation>Grabar desde la entrada MIDI en el cursor de reproducción</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="68" />
        <source>Record from Micr&amp;ophone...</source>
        <translation>Grabar desde el mi&amp;crófono...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="85" />
        <source>Pre&amp;vious Variation</source>
        <translation>Variación an&amp;terior</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="95" />
        <source>P&amp;lay the Chords</source>
        <translation>&amp;Tocar los acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="97" />
        <source>Check Part-&amp;Writing...</source>
        <translation>Revisar la conducción de &amp;voces...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="69" />
        <source>Sing, hum or play into a microphone: the notes heard join the melody at the playhead</source>
        <translation>Canta, tararea o toca ante un micrófono: las notas oídas se añaden a la melodía en el cursor de reproducción</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="70" />
        <source>Play with the &amp;Computer Keyboard</source>
        <translation>Tocar con el &amp;teclado del ordenador</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="72" />
        <source>Letters play notes, as on a MIDI keyboard: A S D F G H J K the white keys, W E T Y U the black ones, Z and X the octave</source>
        <translation>Las letras tocan notas, como un teclado MIDI: A S D F G H J K las teclas blancas, W E T Y U las negras, Z y X la octava</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="73" />
        <source>&amp;Jam (Call and Response)</source>
        <translation>Impro&amp;visar (pregunta y respuesta)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="74" />
        <source>Play a phrase and pause: the model answers</source>
        <translation>Toca una frase y haz una pausa: el modelo responde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="75" />
        <source>&amp;Continue</source>
        <translation>&amp;Continuar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="76" />
        <source>Generate A&amp;gain</source>
        <translation>Generar de &amp;nuevo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="77" />
        <source>New variations with the current settings, where the last ones were</source>
        <translation>Nuevas variaciones con los ajustes actuales, donde estaban las anteriores</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="78" />
        <source>&amp;Fill the Span</source>
        <translation>&amp;Rellenar el tramo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="79" />
        <source>Write the time range dragged on the ruler (or the selected notes' bars) anew, hearing the music on both sides</source>
        <translation>Escribir de nuevo el tramo arrastrado en la regla (o los compases de las notas seleccionadas), escuchando la música de ambos lados</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="80" />
        <source>Write an &amp;Intro...</source>
        <translation>Escribir una &amp;introducción...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="81" />
        <source>Write bars before the first note: an upbeat or an introduction</source>
        <translation>Escribir compases antes de la primera nota: una anacrusa o una introducción</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="82" />
        <source>&amp;Regenerate Selected Notes</source>
        <translation>Re&amp;generar las notas seleccionadas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="83" />
        <source>Write the selected notes again in the time they take</source>
        <translation>Escribir de nuevo las notas seleccionadas en el tiempo que ocupan</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="84" />
        <source>&amp;Next Variation</source>
        <translation>Variación &amp;siguiente</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="86" />
        <source>&amp;Accept Variation</source>
        <translation>&amp;Aceptar variación</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="87" />
        <source>&amp;Discard Variations</source>
        <translation>&amp;Descartar variaciones</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="88" />
        <source>&amp;Type Chords...</source>
        <translation>&amp;Escribir acordes...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="89" />
        <source>Type a chord progression from the bar of the playhead: C G Am F, or | C | G7 Am |</source>
        <translation>Escribir una progresión de acordes desde el compás del cursor de reproducción: Do Sol Lam Fa, o | Do | Sol7 Lam |</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="90" />
        <source>&amp;Harmonize...</source>
        <translation>&amp;Armonizar...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="91" />
        <source>Suggest chords for the melody</source>
        <translation>Proponer acordes para la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="92" />
        <source>&amp;Another Harmonization</source>
        <translation>&amp;Otra armonización</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="93" />
        <source>Try the next of the suggested harmonizations</source>
        <translation>Probar la siguiente de las armonizaciones propuestas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="94" />
        <source>&amp;Clear Chords</source>
        <translation>&amp;Borrar los acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="96" />
        <source>Play an accompaniment of the chords with the melody</source>
        <translation>Tocar un acompañamiento de los acordes con la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="98" />
        <source>Open four voices (a MIDI file with soprano, alto, tenor and bass) and see their part-writing faults</source>
        <translation>Abrir cuatro voces (un archivo MIDI con soprano, contralto, tenor y bajo) y ver sus errores de conducción de voces</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="99" />
        <source>Export &amp;Four Voices as MIDI...</source>
        <translation>Exportar las &amp;cuatro voces como MIDI...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="100" />
        <source>The melody as soprano with alto, tenor and bass under its chords</source>
        <translation>La melodía como soprano, con contralto, tenor y bajo bajo sus acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="101" />
        <source>&amp;Train on a Folder...</source>
        <translation>&amp;Entrenar con una carpeta...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="102" />
        <source>Train a model of your own on a folder of MIDI files</source>
        <translation>Entrenar un modelo propio con una carpeta de archivos MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="103" />
        <source>&amp;Models...</source>
        <translation>&amp;Modelos...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="104" />
        <source>See, rename and remove the models you trained</source>
        <translation>Ver, renombrar y quitar los modelos que has entrenado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="105" />
        <source>&amp;Keyboard Shortcuts</source>
        <translation>Atajos de &amp;teclado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/actions.py" line="107" />
        <source>&amp;About composer-app</source>
        <translation>&amp;Acerca de Compositor</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <location filename="../../composer_app/ui/app.py" line="33" />
        <source>composer-app</source>
        <translation>Compositor</translation>
    </message>
</context>
<context>
    <name>ChordControls</name>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="108" />
        <source>Accompaniment &amp;Pattern</source>
        <translation>&amp;Patrón de acompañamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="148" />
        <location filename="../../composer_app/ui/chords.py" line="171" />
        <source>Type Chords</source>
        <translation>Escribir acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="149" />
        <source>Chords from bar %1, one a bar (C G Am F) or by bar (| C | G7 Am |):</source>
        <translation>Acordes desde el compás %1, uno por compás (Do Sol Lam Fa) o por compases (| Do | Sol7 Lam |):</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="157" />
        <source>Type chords</source>
        <translation>Escribir acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="162" />
        <source>%1 of the chords come after the melody ends (bar %2): continue the melody to fill them.</source>
        <translation>%1 de los acordes quedan después del final de la melodía (compás %2): continúa la melodía para llenarlos.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="174" />
        <source>Something typed is not a chord symbol (%1). Write a root (C, F#, Bb or Do, Fa#, Sib), then a kind (m, 7, maj7, m7, dim, aug, sus4, m7b5) and an optional bass (/E).</source>
        <translation>Algo de lo escrito no es un cifrado de acorde (%1). Escribe una fundamental (Do, Fa#, Sib o C, F#, Bb), luego un tipo (m, 7, maj7, m7, dim, aug, sus4, m7b5) y, si quieres, un bajo (/Mi).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="177" />
        <source>Type at least one chord, for example C G Am F.</source>
        <translation>Escribe al menos un acorde, por ejemplo Do Sol Lam Fa.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="178" />
        <source>A bar has more chords than beats (%1 in a bar of %2 beats): put a | between the bars, e.g. | E7 | A |.</source>
        <translation>Un compás tiene más acordes que tiempos (%1 en un compás de %2 tiempos): pon una | entre los compases, p. ej. | Mi7 | La |.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="181" />
        <source>There is already a chord there; move or shorten it first.</source>
        <translation>Ya hay un acorde ahí; muévelo o acórtalo primero.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="192" />
        <source>There is no melody to harmonize yet: play or draw one first.</source>
        <translation>Aún no hay una melodía que armonizar: primero toca o dibuja una.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="215" />
        <source>The harmonizer's tables (harmony.json) are missing or damaged: reinstall composer-app.</source>
        <translation>Las tablas del armonizador (harmony.json) faltan o están dañadas: reinstala Compositor.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="216" />
        <source>The melody cannot be harmonized.</source>
        <translation>La melodía no se puede armonizar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="221" />
        <source>Harmonize</source>
        <translation>Armonizar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="228" />
        <source>Another harmonization</source>
        <translation>Otra armonización</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="234" />
        <source>Harmonized in %1 (%2 of %3): %4</source>
        <translation>Armonizada en %1 (%2 de %3): %4</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="240" />
        <source>Clear chords</source>
        <translation>Borrar los acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="259" />
        <source>Check Part-Writing</source>
        <translation>Revisar la conducción de voces</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="261" />
        <source>MIDI files (*.mid *.midi)</source>
        <translation>Archivos MIDI (*.mid *.midi)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="279" />
        <source>Four voices need a melody and chords: type chords or press Harmonize first.</source>
        <translation>Las cuatro voces necesitan una melodía y acordes: escribe acordes o pulsa Armonizar primero.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="285" />
        <source>No four voices fit under this melody and these chords.</source>
        <translation>No caben cuatro voces bajo esta melodía con estos acordes.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="288" />
        <source>Export Four Voices</source>
        <translation>Exportar las cuatro voces</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="290" />
        <source>MIDI files (*.mid)</source>
        <translation>Archivos MIDI (*.mid)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="299" />
        <location filename="../../composer_app/ui/chords.py" line="337" />
        <source>The file could not be written there; choose another folder. Nothing was changed.</source>
        <translation>No se pudo escribir el archivo ahí; elige otra carpeta. No se ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="302" />
        <source>Four voices written to %1</source>
        <translation>Cuatro voces escritas en %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="318" />
        <source>There is no melody to export yet: play or draw one first.</source>
        <translation>Aún no hay una melodía que exportar: primero toca o dibuja una.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="322" />
        <source>Export as MusicXML</source>
        <translation>Exportar como MusicXML</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="324" />
        <source>MusicXML scores (*.musicxml *.xml)</source>
        <translation>Partituras MusicXML (*.musicxml *.xml)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="356" />
        <source>Alto</source>
        <translation>Contralto</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="356" />
        <source>Tenor</source>
        <translation>Tenor</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="356" />
        <source>Bass</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="362" />
        <source>Accompaniment</source>
        <translation>Acompañamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="336" />
        <source>MusicXML needs the music21 package, which this installation lacks.</source>
        <translation>MusicXML necesita el paquete music21, que falta en esta instalación.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="102" />
        <source>Ch&amp;ords</source>
        <translation>A&amp;cordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="341" />
        <source>Score written to %1</source>
        <translation>Partitura escrita en %1</translation>
    </message>
</context>
<context>
    <name>ChordLane</name>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="33" />
        <source>Chords: double-click to type one (C, Am7, G/B; Do, Lam7, Sol/Si), drag to move, drag the right edge to resize, Delete to remove</source>
        <translation>Acordes: doble clic para escribir uno (Do, Lam7, Sol/Si; C, Am7, G/B), arrastra para moverlo, arrastra el borde derecho para cambiar su duración, Supr para quitarlo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="69" />
        <source>There is already a chord there; move or shorten it first.</source>
        <translation>Ya hay un acorde ahí; muévelo o acórtalo primero.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="71" />
        <source>That is not a chord symbol: write a root (C, F#, Bb or Do, Fa#, Sib), then a kind (m, 7, maj7, m7, dim, aug, sus4, m7b5) and an optional bass (/E).</source>
        <translation>Eso no es un cifrado de acorde: escribe una fundamental (Do, Fa#, Sib o C, F#, Bb), luego un tipo (m, 7, maj7, m7, dim, aug, sus4, m7b5) y, si quieres, un bajo (/Mi).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="79" />
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="93" />
        <source>Chord</source>
        <translation>Acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="79" />
        <source>Chord symbol (C, Am7, G/B; Do, Lam7, Sol/Si):</source>
        <translation>Cifrado del acorde (Do, Lam7, Sol/Si; C, Am7, G/B):</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="87" />
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="102" />
        <source>Remove chord</source>
        <translation>Quitar el acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="140" />
        <source>Move chord</source>
        <translation>Mover el acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="140" />
        <source>Resize chord</source>
        <translation>Cambiar la duración del acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="161" />
        <source>Edit Chord...</source>
        <translation>Editar el acorde...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="161" />
        <source>Add Chord...</source>
        <translation>Añadir un acorde...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/chord_lane.py" line="164" />
        <source>Remove Chord</source>
        <translation>Quitar el acorde</translation>
    </message>
</context>
<context>
    <name>Chords</name>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="30" />
        <source>Block Chords</source>
        <translation>Acordes placados</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="31" />
        <source>Broken (Alberti)</source>
        <translation>Quebrado (bajo de Alberti)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="32" />
        <source>Waltz</source>
        <translation>Vals</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="33" />
        <source>Arpeggio</source>
        <translation>Arpegio</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="34" />
        <source>Bass and Chord</source>
        <translation>Bajo y acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="35" />
        <source>Four Voices (Chorale)</source>
        <translation>Cuatro voces (coral)</translation>
    </message>
</context>
<context>
    <name>ComputerKeyboard</name>
    <message>
        <location filename="../../composer_app/ui/live/computer_keys.py" line="80" />
        <source>Computer keyboard: A plays C%1</source>
        <translation>Teclado del ordenador: la A toca Do%1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/computer_keys.py" line="83" />
        <source>Computer keyboard: velocity %1</source>
        <translation>Teclado del ordenador: intensidad %1</translation>
    </message>
</context>
<context>
    <name>ContinuePanel</name>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="114" />
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="215" />
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="334" />
        <source>Continue</source>
        <translation>Continuar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="118" />
        <source>Loading the model...</source>
        <translation>Cargando el modelo...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="124" />
        <source>The model that continues your melody: the bundled one or one you trained</source>
        <translation>El modelo que continúa tu melodía: el incluido o uno que hayas entrenado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="127" />
        <source>...</source>
        <translation>...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="128" />
        <source>See, rename and remove models (Tools &gt; Models)</source>
        <translation>Ver, renombrar y quitar modelos (Herramientas &gt; Modelos)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="133" />
        <source>Model</source>
        <translation>Modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="137" />
        <source>How many bars each variation adds</source>
        <translation>Cuántos compases añade cada variación</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="138" />
        <source>Bars to add</source>
        <translation>Compases a añadir</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="142" />
        <source>How many different continuations to offer at once</source>
        <translation>Cuántas continuaciones distintas ofrecer a la vez</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="143" />
        <source>Variations</source>
        <translation>Variaciones</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="151" />
        <source>Low: the model's safest choices; high: more surprising notes (the sampling temperature)</source>
        <translation>Bajo: las opciones más seguras del modelo; alto: notas más sorprendentes (la temperatura de muestreo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="153" />
        <source>Creativity</source>
        <translation>Creatividad</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="160" />
        <source>Leave out the least likely notes: only the likeliest ones that together make up this share of the probability are chosen from (1.00 keeps all)</source>
        <translation>Deja fuera las notas menos probables: solo se elige entre las más probables que juntas suman esta parte de la probabilidad (1,00 las conserva todas)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="162" />
        <source>Top-p</source>
        <translation>Amplitud de elección</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="164" />
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="191" />
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="295" />
        <source>Auto</source>
        <translation>Automática</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="165" />
        <source>No key lock</source>
        <translation>Sin tonalidad fija</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="168" />
        <source>Keep every note in a key: Auto uses the key the melody is in, or pick one; No key lock lets the model choose</source>
        <translation>Mantiene todas las notas en una tonalidad: Auto usa la de la melodía, o elige una; Sin bloqueo de tonalidad deja elegir al modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="171" />
        <source>Key</source>
        <translation>Tonalidad</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="177" />
        <source>Lowest and highest note the continuation may use: type a note such as C4 (middle C) or a MIDI number</source>
        <translation>Nota más grave y más aguda que puede usar la continuación: escribe una nota como Do4 (el do central) o un número MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="183" />
        <source>Pitch range</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="187" />
        <source>Left: fewer, longer notes and more rests; right: more, shorter notes</source>
        <translation>Izquierda: menos notas, más largas y más silencios; derecha: más notas, más cortas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="188" />
        <source>Note density</source>
        <translation>Densidad de notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="190" />
        <source>The kind of music the model should continue in; Auto lets it judge from the seed</source>
        <translation>El tipo de música en que el modelo debe continuar; Auto deja que lo juzgue por la semilla</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="191" />
        <source>Dance tune</source>
        <translation>Danza</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="192" />
        <source>Song or air</source>
        <translation>Canción o aire</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="192" />
        <source>Chorale</source>
        <translation>Coral</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="193" />
        <source>Renaissance</source>
        <translation>Renacimiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="195" />
        <source>Style</source>
        <translation>Estilo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="197" />
        <source>Where the continuation ends: its last note falls on the last strong beat, on the tonic or on a note of the tonic chord</source>
        <translation>Dónde termina la continuación: su última nota cae en el último tiempo fuerte, en la tónica o en una nota del acorde de tónica</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="199" />
        <source>Free</source>
        <translation>Libre</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="199" />
        <source>Tonic</source>
        <translation>Tónica</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="199" />
        <source>Chord tone</source>
        <translation>Nota del acorde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="201" />
        <source>End on</source>
        <translation>Terminar en</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="202" />
        <source>the end</source>
        <translation>el final</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="203" />
        <source>the selection</source>
        <translation>la selección</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="205" />
        <source>Continue after the last note of the melody</source>
        <translation>Continuar tras la última nota de la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="206" />
        <source>Continue the selected notes, right after the selection</source>
        <translation>Continuar las notas seleccionadas, justo después de la selección</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="213" />
        <source>Continue from</source>
        <translation>Continuar desde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="233" />
        <source>Accept</source>
        <translation>Aceptar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="234" />
        <source>Again</source>
        <translation>Otra vez</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="235" />
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="236" />
        <source>Click a variation to hear it; Tab and Shift+Tab go through them</source>
        <translation>Haz clic en una variación para oírla; Tab y Mayús+Tab las recorren</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="256" />
        <source>The lowest note was above the highest one: they were swapped (%1 to %2).</source>
        <translation>La nota más grave estaba por encima de la más aguda: se han intercambiado (de %1 a %2).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="297" />
        <source>Auto (%1, from the file)</source>
        <translation>Auto (%1, del archivo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="299" />
        <source>Auto (%1)</source>
        <translation>Automática (%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="322" />
        <source>(cannot be used)</source>
        <translation>(no se puede usar)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="334" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="344" />
        <source>Generate continuations (%1)</source>
        <translation>Generar continuaciones (%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="345" />
        <source>Put the shown variation into the melody (%1)</source>
        <translation>Poner la variación mostrada en la melodía (%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="346" />
        <source>New variations with the current settings (%1)</source>
        <translation>Nuevas variaciones con los ajustes actuales (%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="347" />
        <source>Remove the variations (%1)</source>
        <translation>Quitar las variaciones (%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="356" />
        <source>Variation %1 (%2 notes)</source>
        <translation>Variación %1 (%2 notas)</translation>
    </message>
</context>
<context>
    <name>DocumentFiles</name>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="40" />
        <source>Unsaved changes</source>
        <translation>Cambios sin guardar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="40" />
        <source>Save the changes to this melody first?</source>
        <translation>¿Guardar antes los cambios de esta melodía?</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="55" />
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="56" />
        <source>Projects, MIDI files, scores and recordings (*.composer *.mid *.midi *.musicxml *.xml *.mxl *.wav *.flac *.ogg *.mp3);;composer-app projects (*.composer);;MIDI files (*.mid *.midi);;MusicXML scores (*.musicxml *.xml *.mxl);;Recordings (*.wav *.flac *.ogg *.mp3);;All files (*)</source>
        <translation>Proyectos, archivos MIDI, partituras y grabaciones (*.composer *.mid *.midi *.musicxml *.xml *.mxl *.wav *.flac *.ogg *.mp3);;Proyectos de Compositor (*.composer);;Archivos MIDI (*.mid *.midi);;Partituras MusicXML (*.musicxml *.xml *.mxl);;Grabaciones (*.wav *.flac *.ogg *.mp3);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="106" />
        <location filename="../../composer_app/ui/document_files.py" line="160" />
        <location filename="../../composer_app/ui/document_files.py" line="163" />
        <location filename="../../composer_app/ui/document_files.py" line="190" />
        <source>Cannot open file</source>
        <translation>No se puede abrir el archivo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="112" />
        <location filename="../../composer_app/ui/document_files.py" line="196" />
        <source>Opened %1: %2 notes</source>
        <translation>Abierto %1: %2 notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="114" />
        <source>and %1 chords heard in the accompaniment (Undo takes them away)</source>
        <translation>y %1 acordes oídos en el acompañamiento (Deshacer los quita)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="119" />
        <source>(the file changes to %1/%2 in bar %3; here it stays in %4/%5 throughout)</source>
        <translation>(el archivo pasa a %1/%2 en el compás %3; aquí sigue en %4/%5 todo el tiempo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="136" />
        <source>Chords from the Accompaniment</source>
        <translation>Acordes del acompañamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="154" />
        <source>Hearing the notes in %1...</source>
        <translation>Escuchando las notas de %1...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="157" />
        <source>Opening %1 was cancelled; nothing changed.</source>
        <translation>Se ha cancelado la apertura de %1; no ha cambiado nada.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="164" />
        <source>%1: no notes were heard in this recording.</source>
        <translation>%1: no se ha oído ninguna nota en esta grabación.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="174" />
        <source>Opened %1: %2 notes heard, at %3 BPM</source>
        <translation>Abierto %1: %2 notas oídas, a %3 ppm</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="180" />
        <source>%1: the file is not there any more.</source>
        <translation>%1: el archivo ya no está ahí.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="182" />
        <source>%1: the recording is longer than 20 minutes; cut out the part to use.</source>
        <translation>%1: la grabación dura más de 20 minutos; recorta la parte que quieras usar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="183" />
        <source>%1 cannot be read as a recording. Open a WAV, FLAC or OGG file (an MP3 where your system reads it).</source>
        <translation>%1 no se puede leer como grabación. Abre un archivo WAV, FLAC u OGG (o MP3 si tu sistema lo lee).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="206" />
        <source>melody</source>
        <translation>melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="209" />
        <source>Save</source>
        <translation>Guardar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="210" />
        <source>composer-app project (*.composer);;MIDI file, melody only (*.mid)</source>
        <translation>Proyecto de Compositor (*.composer);;Archivo MIDI, solo la melodía (*.mid)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="237" />
        <source>Cannot save file</source>
        <translation>No se puede guardar el archivo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="238" />
        <source>%1
Your work is still open; try another folder or name.</source>
        <translation>%1
Tu trabajo sigue abierto; prueba otra carpeta u otro nombre.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="243" />
        <source>Saved %1</source>
        <translation>Guardado %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="256" />
        <source>Nothing to export</source>
        <translation>Nada que exportar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="256" />
        <source>There are no notes to export.</source>
        <translation>No hay notas que exportar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="258" />
        <source>Export MIDI</source>
        <translation>Exportar MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="259" />
        <source>MIDI files (*.mid)</source>
        <translation>Archivos MIDI (*.mid)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="266" />
        <source>Export WAV</source>
        <translation>Exportar WAV</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="267" />
        <source>WAV audio (*.wav)</source>
        <translation>Audio WAV (*.wav)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="277" />
        <source>Cannot export audio</source>
        <translation>No se puede exportar el audio</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/document_files.py" line="291" />
        <source>Copied as a MIDI file</source>
        <translation>Copiado como archivo MIDI</translation>
    </message>
</context>
<context>
    <name>DragHandle</name>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="38" />
        <source>Drag to DAW</source>
        <translation>Arrastrar al secuenciador</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/panels/continue_panel.py" line="40" />
        <source>Drag the selected variation into a DAW, a file manager or a notation program</source>
        <translation>Arrastra la variación elegida a un secuenciador, a un gestor de archivos o a un programa de notación</translation>
    </message>
</context>
<context>
    <name>GenerationControls</name>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="58" />
        <source>Generation unavailable</source>
        <translation>Generación no disponible</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="59" />
        <source>The model is still loading.</source>
        <translation>El modelo todavía se está cargando.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="95" />
        <source>Drag on the ruler over the bars to fill, or select notes, then press Fill (%1).</source>
        <translation>Arrastra en la regla sobre los compases que quieres rellenar, o selecciona notas, y pulsa Rellenar (%1).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="102" />
        <source>Select the notes to write again first.</source>
        <translation>Primero selecciona las notas que quieres escribir de nuevo.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="114" />
        <source>Make room for an intro</source>
        <translation>Hacer sitio para una introducción</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="135" />
        <source>This model hears only the music before the span (it was made before models could fill); a model trained now hears both sides.</source>
        <translation>Este modelo solo escucha la música anterior al tramo (se hizo antes de que los modelos pudieran rellenar); un modelo entrenado ahora escucha ambos lados.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="150" />
        <source>Last generation: %1 ms</source>
        <translation>Última generación: %1 ms</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="166" />
        <source>No note that End on asks for lies in the pitch range (%1 to %2): the variations end on other notes. Widen the range to end there.</source>
        <translation>Ninguna de las notas que pide Terminar en cae dentro del registro (%1 a %2): las variaciones terminan en otras notas. Amplía el registro para terminar en ellas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="175" />
        <source>The pitch range (%1 to %2) leaves the model few notes to choose from: widen it for more varied variations.</source>
        <translation>El registro (%1 a %2) deja al modelo pocas notas entre las que elegir: amplíalo para obtener variaciones más variadas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="179" />
        <source>Only %1 of the %2 variations came out different: with Creativity and Top-p this low the model keeps to its safest notes. Raise either for different ones.</source>
        <translation>Solo %1 de las %2 variaciones han salido distintas: con la Creatividad y la Amplitud de elección tan bajos el modelo se queda en sus notas más seguras. Sube cualquiera de los dos para obtener otras.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="183" />
        <source>The variations go back and forth between two notes: raise Creativity or Top-p for more varied ones.</source>
        <translation>Las variaciones van y vienen entre dos notas: sube Creatividad o Amplitud de elección para obtener variaciones más variadas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="189" />
        <source>Generation cancelled</source>
        <translation>Generación cancelada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="191" />
        <source>Generation failed</source>
        <translation>La generación ha fallado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/generation.py" line="219" />
        <source>Accept variation %1</source>
        <translation>Aceptar variación %1</translation>
    </message>
</context>
<context>
    <name>HarmonizeDialog</name>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="43" />
        <source>Harmonize</source>
        <translation>Armonizar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="46" />
        <source>One chord a bar</source>
        <translation>Un acorde por compás</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="47" />
        <source>Two chords a bar</source>
        <translation>Dos acordes por compás</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="49" />
        <source>With sevenths (G7, Dm7, Bm7b5)</source>
        <translation>Con séptimas (Sol7, Rem7, Sim7b5)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="51" />
        <source>Cadences where phrases end</source>
        <translation>Cadencias donde terminan las frases</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="56" />
        <source>How many different harmonizations to try (Another Harmonization, Ctrl+Alt+H, goes through them)</source>
        <translation>Cuántas armonizaciones distintas probar (Otra armonización, Control+Alt+H, pasa de una a otra)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="58" />
        <source>Chords</source>
        <translation>Acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/chords.py" line="61" />
        <source>Harmonizations</source>
        <translation>Armonizaciones</translation>
    </message>
</context>
<context>
    <name>Help</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="15" />
        <source>Move the selected notes</source>
        <translation>Mover las notas seleccionadas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="15" />
        <source>Arrow keys</source>
        <translation>Flechas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="16" />
        <source>Make the selected notes longer or shorter</source>
        <translation>Alargar o acortar las notas seleccionadas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="16" />
        <source>Shift+Left / Shift+Right</source>
        <translation>Mayús+Izquierda / Mayús+Derecha</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="17" />
        <source>Transpose by a semitone / an octave</source>
        <translation>Transportar un semitono / una octava</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="17" />
        <source>Ctrl+Up/Down, Ctrl+Shift+Up/Down</source>
        <translation>Control+Arriba/Abajo, Control+Mayúsculas+Arriba/Abajo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="18" />
        <source>Zoom in and out</source>
        <translation>Acercar y alejar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="18" />
        <source>Ctrl+mouse wheel</source>
        <translation>Control+rueda del ratón</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="19" />
        <source>Drag without snapping to the grid</source>
        <translation>Arrastrar sin ajustar a la rejilla</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="19" />
        <source>Alt while dragging</source>
        <translation>Alt al arrastrar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="20" />
        <source>Move the playhead / set a loop</source>
        <translation>Mover el cabezal / fijar un bucle</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="20" />
        <source>Click / drag on the bar ruler</source>
        <translation>Clic / arrastrar en la regla de compases</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="58" />
        <source>composer-app %1</source>
        <translation>Compositor %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="59" />
        <source>Play or draw a melody, then press Continue: a small LSTM writes several continuations to audition, accept, edit and export.</source>
        <translation>Toca o dibuja una melodía y pulsa Continuar: una pequeña LSTM escribe varias continuaciones para escuchar, aceptar, editar y exportar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="61" />
        <source>Model: %1</source>
        <translation>Modelo: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="61" />
        <source>not loaded</source>
        <translation>sin cargar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="62" />
        <source>The bundled model was trained on public-domain collections: Irish and American dance tunes, folk songs, Bach chorales and Palestrina and Monteverdi voices (music21 corpus).</source>
        <translation>El modelo incluido se entrenó con colecciones de dominio público: danzas irlandesas y americanas, canciones populares, corales de Bach y voces de Palestrina y Monteverdi (corpus de music21).</translation>
    </message>
</context>
<context>
    <name>LiveControls</name>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="45" />
        <source>&amp;Stop</source>
        <translation>&amp;Detener</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="46" />
        <source>&amp;Play/Stop</source>
        <translation>&amp;Reproducir/Detener</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="77" />
        <source>The synthesized piano plays: %1</source>
        <translation>Suena el piano sintetizado: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="101" />
        <source>Computer keyboard: A S D F G H J K play C D E F G A B C, W E T Y U the black keys; Z and X change the octave, C and V the velocity</source>
        <translation>Teclado del ordenador: A S D F G H J K tocan Do Re Mi Fa Sol La Si Do, W E T Y U las teclas negras; Z y X cambian la octava, C y V la intensidad</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="107" />
        <source>Recorded %1 notes</source>
        <translation>Grabadas %1 notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="110" />
        <source>Choose a MIDI input in Preferences to record, or play with the computer keyboard (Play &gt; Computer Keyboard).</source>
        <translation>Elige una entrada MIDI en Preferencias para grabar, o toca con el teclado del ordenador (Reproducir &gt; Teclado del ordenador).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="137" />
        <source>Jam needs a MIDI input (Preferences) and the model.</source>
        <translation>Para improvisar hace falta una entrada MIDI (Preferencias) y el modelo.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/live_controls.py" line="141" />
        <source>Jam: play a phrase, then pause for two beats.</source>
        <translation>Improvisar: toca una frase y haz una pausa de dos pulsos.</translation>
    </message>
</context>
<context>
    <name>LossPlot</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/loss_plot.py" line="23" />
        <source>Training loss</source>
        <translation>Pérdida de entrenamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/loss_plot.py" line="25" />
        <source>Validation loss</source>
        <translation>Pérdida de validación</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/loss_plot.py" line="30" />
        <source>Epoch</source>
        <translation>Época</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/loss_plot.py" line="35" />
        <source>bits per note (lower is better)</source>
        <translation>bits por nota (menos es mejor)</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="18" />
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="21" />
        <source>Open &amp;Recent</source>
        <translation>Abrir &amp;reciente</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="31" />
        <source>&amp;Edit</source>
        <translation>&amp;Editar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="34" />
        <source>Undo &amp;History</source>
        <translation>&amp;Historial de deshacer</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="34" />
        <source>Show History...</source>
        <translation>Mostrar historial...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="41" />
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="45" />
        <source>&amp;Tools</source>
        <translation>&amp;Herramientas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="54" />
        <source>&amp;Generate</source>
        <translation>&amp;Generar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="61" />
        <source>&amp;Play</source>
        <translation>&amp;Reproducir</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="67" />
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="81" />
        <source>Main</source>
        <translation>Principal</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="90" />
        <source> Grid </source>
        <translation> Rejilla </translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="95" />
        <source>Snap grid (hold Alt while dragging to snap off)</source>
        <translation>Rejilla de ajuste (mantén Alt al arrastrar para no ajustar)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="98" />
        <source> Tempo </source>
        <translation> Tempo </translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="102" />
        <location filename="../../composer_app/ui/menus.py" line="130" />
        <source>Tempo of the piece, in quarter notes per minute</source>
        <translation>Tempo de la pieza, en negras por minuto</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="104" />
        <source> Time </source>
        <translation> Compás </translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="108" />
        <source>Time signature of the piece</source>
        <translation>Compás de la pieza</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="124" />
        <source> BPM (changes later)</source>
        <translation> ppm (cambia después)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/menus.py" line="127" />
        <source>The tempo at the start; the piece changes tempo %1 times later, and setting it here speeds up or slows down all of them alike</source>
        <translation>El tempo del principio; la pieza cambia de tempo %1 veces más adelante, y cambiarlo aquí acelera o ralentiza todos los cambios por igual</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="66" />
        <source>Play a phrase on your MIDI keyboard or draw notes (Draw tool, key 2), then press Continue (%1).</source>
        <translation>Toca una frase en tu teclado MIDI o dibuja notas (herramienta lápiz, tecla 2) y pulsa Continuar (%1).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="155" />
        <source>MIDI: no devices</source>
        <translation>MIDI: sin dispositivos</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="156" />
        <source>Model: loading...</source>
        <translation>Modelo: cargando...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="326" />
        <source>Tempo %1</source>
        <translation>Tempo %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="330" />
        <source>Time signature %1</source>
        <translation>Compás %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="336" />
        <source>Write an Intro</source>
        <translation>Escribir una introducción</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="336" />
        <source>Bars before the first note:</source>
        <translation>Compases antes de la primera nota:</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="345" />
        <source>&lt;original&gt;</source>
        <translation>&lt;original&gt;</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="346" />
        <source>Undo History</source>
        <translation>Historial de deshacer</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="362" />
        <source>About composer-app</source>
        <translation>Acerca de Compositor</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="241" />
        <source>Untitled</source>
        <translation>Sin título</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/project_io.py" line="24" />
        <source>Restore recovered work</source>
        <translation>Restaurar el trabajo recuperado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/main_window.py" line="270" />
        <source>Key: %1</source>
        <translation>Tonalidad: %1</translation>
    </message>
</context>
<context>
    <name>Microphone</name>
    <message>
        <location filename="../../composer_app/ui/live/microphone.py" line="46" />
        <source>This computer has no sound input (microphone).</source>
        <translation>Este ordenador no tiene entrada de sonido (micrófono).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/microphone.py" line="66" />
        <source>The sound input %1 cannot be opened.</source>
        <translation>No se puede abrir la entrada de sonido %1.</translation>
    </message>
</context>
<context>
    <name>MicrophoneDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="36" />
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="205" />
        <source>Record from Microphone</source>
        <translation>Grabar desde el micrófono</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="55" />
        <source>Input</source>
        <translation>Entrada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="59" />
        <source>How loud the input is: play or sing, and keep the bar out of the far right</source>
        <translation>El volumen de la entrada: toca o canta sin que la barra llegue al extremo derecho</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="60" />
        <source>Level</source>
        <translation>Nivel</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="62" />
        <source>Singing or humming</source>
        <translation>Canto o tarareo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="63" />
        <source>Piano or another instrument</source>
        <translation>Piano u otro instrumento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="64" />
        <source>A voice is followed one pitch at a time; an instrument may play chords</source>
        <translation>Una voz se sigue nota a nota; un instrumento puede tocar acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="67" />
        <source>What you record</source>
        <translation>Qué grabas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="68" />
        <source>A bar of count-in first</source>
        <translation>Primero un compás de entrada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="70" />
        <source>Metronome while recording (use headphones)</source>
        <translation>Metrónomo mientras se graba (con auriculares)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="72" />
        <source>On the grid (16th notes at the song's tempo)</source>
        <translation>En la rejilla (semicorcheas al tempo de la canción)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="74" />
        <source>Only the melody (one note at a time)</source>
        <translation>Solo la melodía (una nota cada vez)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="93" />
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="182" />
        <source>Record</source>
        <translation>Grabar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="106" />
        <source>This computer has no sound input (microphone).</source>
        <translation>Este ordenador no tiene entrada de sonido (micrófono).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="120" />
        <source>Press Record (Space) and play or sing after the count-in.</source>
        <translation>Pulsa Grabar (Espacio) y toca o canta después del compás de entrada.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="151" />
        <source>Stop</source>
        <translation>Detener</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="167" />
        <source>Count-in: %1</source>
        <translation>Compás de entrada: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="170" />
        <source>Recording: %1 s</source>
        <translation>Grabando: %1 s</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="185" />
        <source>Nothing was recorded.</source>
        <translation>No se ha grabado nada.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="187" />
        <source>Hearing the notes...</source>
        <translation>Escuchando las notas...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="195" />
        <source>The take could not be heard: %1</source>
        <translation>No se ha podido escuchar la toma: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="202" />
        <source>No notes were heard in the take: come closer to the microphone, or play louder.</source>
        <translation>No se ha oído ninguna nota en la toma: acércate al micrófono o toca más fuerte.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="209" />
        <source>Recorded %1 notes from the microphone</source>
        <translation>Grabadas %1 notas desde el micrófono</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/microphone.py" line="210" />
        <source>Recorded %1 notes. Record again, or close.</source>
        <translation>Grabadas %1 notas. Graba otra vez o cierra.</translation>
    </message>
</context>
<context>
    <name>MidiAdapter</name>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="56" />
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="86" />
        <source>MIDI: unavailable</source>
        <translation>MIDI: no disponible</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="90" />
        <source>MIDI in: %1</source>
        <translation>Entrada MIDI: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="91" />
        <source>MIDI in: %1 (gone)</source>
        <translation>Entrada MIDI: %1 (desconectada)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="93" />
        <source>MIDI out: %1</source>
        <translation>Salida MIDI: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="94" />
        <source>MIDI out: %1 (gone)</source>
        <translation>Salida MIDI: %1 (desconectada)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="96" />
        <source>MIDI out: built-in piano</source>
        <translation>Salida MIDI: piano integrado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="104" />
        <source>MIDI device %1 was unplugged; what you recorded is kept.</source>
        <translation>Se desconectó el dispositivo MIDI %1; lo grabado se conserva.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="106" />
        <source>MIDI device %1 is back.</source>
        <translation>El dispositivo MIDI %1 ha vuelto.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="112" />
        <source>MIDI error: %1</source>
        <translation>Error MIDI: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/midi_adapter.py" line="208" />
        <source>Record</source>
        <translation>Grabar</translation>
    </message>
</context>
<context>
    <name>ModelChoice</name>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="56" />
        <source>it is no longer in the models folder</source>
        <translation>ya no está en la carpeta de modelos</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="58" />
        <source>The model you chose last cannot be used (%1); using the bundled model.</source>
        <translation>El último modelo que elegiste no se puede usar (%1); se usa el modelo incluido.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="72" />
        <source>Loading the model...</source>
        <translation>Cargando el modelo...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="86" />
        <source>Generating on the processor (CPU), as chosen in Preferences.</source>
        <translation>Generando en el procesador (CPU), como se eligió en Preferencias.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="87" />
        <source>Generating on the processor (CPU): no graphics card is needed for this small model.</source>
        <translation>Generando en el procesador (CPU): este modelo pequeño no necesita tarjeta gráfica.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="89" />
        <source>Generating on the processor (CPU): Preferences ask for the graphics card, but there is none the app can use.</source>
        <translation>Generando en el procesador (CPU): Preferencias pide la tarjeta gráfica, pero no hay ninguna que la aplicación pueda usar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="91" />
        <source>Generating on the processor (CPU): the graphics card's driver could not start.</source>
        <translation>Generando en el procesador (CPU): el controlador de la tarjeta gráfica no pudo arrancar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="92" />
        <source>Generating on the graphics card (GPU), as chosen in Preferences.</source>
        <translation>Generando en la tarjeta gráfica (GPU), como se eligió en Preferencias.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="97" />
        <source>Generating on the graphics card (GPU): a step takes %1 ms there and %2 ms on the processor.</source>
        <translation>Generando en la tarjeta gráfica (GPU): un paso tarda %1 ms allí y %2 ms en el procesador.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="99" />
        <source>Generating on the processor (CPU): a step takes %1 ms there and %2 ms on the graphics card.</source>
        <translation>Generando en el procesador (CPU): un paso tarda %1 ms allí y %2 ms en la tarjeta gráfica.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="103" />
        <source>Generating on %1</source>
        <translation>Generando en %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="109" />
        <source>bundled model (folk tunes, songs, chorales, renaissance)</source>
        <translation>modelo incluido (música tradicional, canciones, corales, renacimiento)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="109" />
        <source>bundled</source>
        <translation>incluido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="114" />
        <source>GPU</source>
        <translation>GPU</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="114" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="116" />
        <source>Model: %1 (%2)</source>
        <translation>Modelo: %1 (%2)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="118" />
        <source>%1 on %2</source>
        <translation>%1 en %2</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="124" />
        <source>Model: unavailable</source>
        <translation>Modelo: no disponible</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="125" />
        <source>Generation is unavailable: %1</source>
        <translation>No se puede generar: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="169" />
        <source>A new model is ready: %1</source>
        <translation>Hay un modelo nuevo listo: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="179" />
        <source>Training is running</source>
        <translation>El entrenamiento está en marcha</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/model_choice.py" line="180" />
        <source>Quit and stop the training? The finished epochs are kept for Resume.</source>
        <translation>¿Salir y detener el entrenamiento? Las épocas terminadas se guardan para Reanudar.</translation>
    </message>
</context>
<context>
    <name>Models</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="24" />
        <source>Bundled model</source>
        <translation>Modelo incluido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="30" />
        <source>This model cannot be used: %1</source>
        <translation>Este modelo no se puede usar: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="33" />
        <source>The model that comes with the app: it knows folk tunes, songs, chorales and renaissance melodies.</source>
        <translation>El modelo que viene con la aplicación: conoce música tradicional, canciones, corales y melodías renacentistas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="36" />
        <source>Trained on %1 melodies</source>
        <translation>Entrenado con %1 melodías</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="38" />
        <source>, %1 notes</source>
        <translation>, %1 notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="43" />
        <source>Size: %1 M parameters, %2 MB</source>
        <translation>Tamaño: %1 M parámetros, %2 MB</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="46" />
        <source>On %1 melodies it never saw: %2 bits per note (the n-gram: %3; lower is better)</source>
        <translation>En %1 melodías que nunca vio: %2 bits por nota (el n-grama: %3; menos es mejor)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="53" />
        <source>Training: %1, %2 epochs</source>
        <translation>Entrenamiento: %1, %2 épocas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="55" />
        <source>Its card says nothing more.</source>
        <translation>Su ficha no dice nada más.</translation>
    </message>
</context>
<context>
    <name>ModelsDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="65" />
        <source>Models</source>
        <translation>Modelos</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="69" />
        <source>The bundled model and the models you trained</source>
        <translation>El modelo incluido y los modelos que has entrenado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="78" />
        <source>Trained models live in %1</source>
        <translation>Los modelos entrenados están en %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="83" />
        <source>Use</source>
        <translation>Usar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="84" />
        <source>Continue melodies with this model</source>
        <translation>Continuar melodías con este modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="86" />
        <source>Rename...</source>
        <translation>Renombrar...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="87" />
        <source>Give this model another name</source>
        <translation>Dar otro nombre a este modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="89" />
        <source>Remove...</source>
        <translation>Quitar...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="90" />
        <source>Delete this model and its folder</source>
        <translation>Borrar este modelo y su carpeta</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="92" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="93" />
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="107" />
        <source>(in use)</source>
        <translation>(en uso)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="109" />
        <source>(cannot be used)</source>
        <translation>(no se puede usar)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="140" />
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="148" />
        <source>Rename Model</source>
        <translation>Renombrar modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="140" />
        <source>New name:</source>
        <translation>Nombre nuevo:</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="158" />
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="168" />
        <source>Remove Model</source>
        <translation>Quitar modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/models_dialog.py" line="159" />
        <source>Delete the model “%1” and its folder? This cannot be undone.</source>
        <translation>¿Borrar el modelo «%1» y su carpeta? No se puede deshacer.</translation>
    </message>
</context>
<context>
    <name>NoteCanvas</name>
    <message>
        <location filename="../../composer_app/ui/roll/note_canvas.py" line="179" />
        <source>Move notes</source>
        <translation>Mover notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/note_canvas.py" line="181" />
        <source>Resize notes</source>
        <translation>Cambiar duración</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/note_canvas.py" line="184" />
        <source>Draw note</source>
        <translation>Dibujar nota</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/note_canvas.py" line="186" />
        <source>Erase notes</source>
        <translation>Borrar notas</translation>
    </message>
</context>
<context>
    <name>PartWriting</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="27" />
        <source>out of its range</source>
        <translation>fuera de su tesitura</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="28" />
        <source>the voices cross</source>
        <translation>las voces se cruzan</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="29" />
        <source>more than an octave apart</source>
        <translation>a más de una octava</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="30" />
        <source>parallel fifths</source>
        <translation>quintas paralelas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="31" />
        <source>parallel octaves</source>
        <translation>octavas paralelas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="32" />
        <source>the leading tone does not rise to the tonic</source>
        <translation>la sensible no sube a la tónica</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="37" />
        <source>soprano</source>
        <translation>soprano</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="38" />
        <source>alto</source>
        <translation>contralto</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="39" />
        <source>tenor</source>
        <translation>tenor</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="40" />
        <source>bass</source>
        <translation>bajo</translation>
    </message>
</context>
<context>
    <name>PartWritingDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="72" />
        <source>Check Part-Writing: %1</source>
        <translation>Revisar la conducción de voces: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="78" />
        <source>Where</source>
        <translation>Dónde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="78" />
        <source>What</source>
        <translation>Qué</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="78" />
        <source>Voices</source>
        <translation>Voces</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="87" />
        <source>Check a File...</source>
        <translation>Revisar un archivo...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="95" />
        <source>No alto, tenor and bass fit under this melody and these chords.</source>
        <translation>No caben contralto, tenor y bajo bajo esta melodía y estos acordes.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="97" />
        <source>This file cannot be checked: it needs four voices as four tracks named Soprano, Alto, Tenor and Bass.</source>
        <translation>Este archivo no se puede revisar: necesita cuatro voces en cuatro pistas llamadas Soprano, Alto, Tenor y Bass (o Soprano, Contralto, Tenor y Bajo).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="99" />
        <source>This file cannot be read as MIDI.</source>
        <translation>Este archivo no se puede leer como MIDI.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="102" />
        <source>Bar %1, beat %2</source>
        <translation>Compás %1, tiempo %2</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="110" />
        <source>unknown</source>
        <translation>desconocida</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="111" />
        <source>No faults found (key: %1).</source>
        <translation>No hay errores (tonalidad: %1).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="112" />
        <source>Things to look at: %1 (key: %2).</source>
        <translation>Cosas que revisar: %1 (tonalidad: %2).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="122" />
        <source>Check Part-Writing</source>
        <translation>Revisar la conducción de voces</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/part_writing.py" line="123" />
        <source>MIDI files (*.mid *.midi)</source>
        <translation>Archivos MIDI (*.mid *.midi)</translation>
    </message>
</context>
<context>
    <name>PianoRollView</name>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="41" />
        <source>Chords</source>
        <translation>Acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="48" />
        <source>Velocity</source>
        <translation>Intensidad</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="165" />
        <source>Delete notes</source>
        <translation>Borrar notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="168" />
        <source>Move notes</source>
        <translation>Mover notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="171" />
        <source>Transpose</source>
        <translation>Transportar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="174" />
        <source>Resize notes</source>
        <translation>Cambiar duración</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="178" />
        <source>Quantize</source>
        <translation>Cuantizar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="215" />
        <source>Paste</source>
        <translation>Pegar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/roll/piano_roll.py" line="219" />
        <source>Duplicate</source>
        <translation>Duplicar</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="32" />
        <source>Preferences</source>
        <translation>Preferencias</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="34" />
        <source>General</source>
        <translation>General</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="38" />
        <source>System language</source>
        <translation>Idioma del sistema</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="40" />
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="41" />
        <source>A new language takes effect when the app starts again.</source>
        <translation>El nuevo idioma se aplica al volver a abrir la aplicación.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="43" />
        <source>Automatic (the faster, measured when the model loads)</source>
        <translation>Automático (el más rápido, medido al cargar el modelo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="44" />
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="45" />
        <source>GPU (CUDA)</source>
        <translation>GPU (CUDA)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="46" />
        <source>Where the model runs; a small model is often faster on the CPU, so Automatic times both when a GPU is there</source>
        <translation>Dónde se ejecuta el modelo; un modelo pequeño suele ser más rápido en la CPU, así que Automático mide ambos cuando hay una GPU</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="49" />
        <source>Generate on</source>
        <translation>Generar en</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="52" />
        <source>Sound</source>
        <translation>Sonido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="55" />
        <source>Grand piano (bundled)</source>
        <translation>Piano de cola (incluido)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="56" />
        <source>Synthesized piano (light, no SoundFont)</source>
        <translation>Piano sintetizado (ligero, sin SoundFont)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="60" />
        <source>Other SoundFont...</source>
        <translation>Otra SoundFont...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="61" />
        <source>My Piano from Samples...</source>
        <translation>Mi piano a partir de muestras...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="64" />
        <source>The instrument of the built-in sound: playback, audition, MIDI thru, metronome and WAV export</source>
        <translation>El instrumento del sonido integrado: reproducción, escucha, eco MIDI, metrónomo y exportación WAV</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="67" />
        <source>Piano sound</source>
        <translation>Sonido de piano</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="74" />
        <source>MIDI</source>
        <translation>MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="78" />
        <source>Automatic</source>
        <translation>Automático</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="80" />
        <source>MIDI system</source>
        <translation>Sistema MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="82" />
        <source>None</source>
        <translation>Ninguna</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="84" />
        <source>None (built-in piano)</source>
        <translation>Ninguna (piano integrado)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="94" />
        <source>%1 (not connected)</source>
        <translation>%1 (no conectado)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="96" />
        <source>Input (keyboard)</source>
        <translation>Entrada (teclado)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="97" />
        <source>Output (synth)</source>
        <translation>Salida (sintetizador)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="98" />
        <source>Play what comes in (MIDI thru)</source>
        <translation>Tocar lo que entra (eco MIDI)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="103" />
        <source>Off</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="105" />
        <source>Quantize while recording</source>
        <translation>Cuantizar al grabar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="107" />
        <source>Overdub (add to the notes)</source>
        <translation>Superponer (añadir a las notas)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="108" />
        <source>Replace (notes under the take go)</source>
        <translation>Reemplazar (se quitan las notas debajo de la toma)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="110" />
        <source>Recording</source>
        <translation>Grabación</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="111" />
        <source>One bar count-in</source>
        <translation>Un compás de entrada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="113" />
        <source>Metronome while recording</source>
        <translation>Metrónomo al grabar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="127" />
        <source>A Folder of Piano Key Samples (WAV)</source>
        <translation>Una carpeta de muestras de teclas de piano (WAV)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="136" />
        <source>Choose a SoundFont</source>
        <translation>Elegir una SoundFont</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="137" />
        <source>SoundFonts and SFZ instruments (*.sf2 *.sf3 *.sfz);;All files (*)</source>
        <translation>SoundFonts e instrumentos SFZ (*.sf2 *.sf3 *.sfz);;Todos los archivos (*)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="158" />
        <source>Building the piano from %1...</source>
        <translation>Construyendo el piano a partir de %1...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="162" />
        <source>No piano could be made from %1: it needs WAV files of piano keys, named by their key (C4.wav, Do4.wav, 60.wav) or sounding one note each.</source>
        <translation>No se ha podido hacer un piano a partir de %1: hacen falta archivos WAV de teclas de piano, con la tecla en el nombre (C4.wav, Do4.wav, 60.wav) o que suene una nota en cada uno.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="169" />
        <source>%1 keys sampled; the others play the nearest sample.</source>
        <translation>%1 teclas con muestra; las demás tocan la muestra más cercana.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/preferences.py" line="171" />
        <source>%1 files left out.</source>
        <translation>%1 archivos descartados.</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="21" />
        <source>“%1” is a sound recording, not a MIDI file. composer-app opens MIDI files (.mid) and its own projects (.composer): export the melody as MIDI from the program that made it, or play or draw it here.</source>
        <translation>«%1» es una grabación de sonido, no un archivo MIDI. Compositor abre archivos MIDI (.mid) y sus propios proyectos (.composer): exporta la melodía como MIDI desde el programa que la hizo, o tócala o dibújala aquí.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="24" />
        <source>“%1” is not a MIDI file. composer-app opens MIDI files (.mid) and its own projects (.composer).</source>
        <translation>«%1» no es un archivo MIDI. Compositor abre archivos MIDI (.mid) y sus propios proyectos (.composer).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="26" />
        <source>“%1” is not there any more: it was moved, renamed or deleted.</source>
        <translation>«%1» ya no está: se movió, se renombró o se borró.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="27" />
        <source>“%1” is a folder: open a MIDI file inside it.</source>
        <translation>«%1» es una carpeta: abre un archivo MIDI de dentro.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="28" />
        <source>“%1” cannot be read: check that you may open it and that its disk is connected.</source>
        <translation>No se puede leer «%1»: comprueba que tienes permiso para abrirlo y que su disco está conectado.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="29" />
        <source>“%1” is far larger than any melody, so it was not opened.</source>
        <translation>«%1» es mucho más grande que cualquier melodía, así que no se ha abierto.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="30" />
        <source>“%1” is a kind of MIDI file this app does not read (timed in seconds, or a set of separate patterns). Save it as a standard MIDI file (type 0 or 1) and open that.</source>
        <translation>«%1» es un tipo de archivo MIDI que esta aplicación no lee (medido en segundos, o un conjunto de patrones separados). Guárdalo como archivo MIDI estándar (tipo 0 o 1) y abre ese.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="32" />
        <source>“%1” has no notes to continue (only drums or nothing).</source>
        <translation>«%1» no tiene notas que continuar (solo percusión o nada).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="33" />
        <source>“%1” was saved by a newer composer-app: update the app to open it. The file was not changed.</source>
        <translation>«%1» se guardó con un Compositor más nuevo: actualiza la aplicación para abrirlo. El archivo no se ha modificado.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="35" />
        <source>“%1” is not a composer-app project.</source>
        <translation>«%1» no es un proyecto de Compositor.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="39" />
        <source>“%1” is damaged and cannot be opened. The copy saved before it, “%2”, is next to it: open that one.</source>
        <translation>«%1» está dañado y no se puede abrir. La copia guardada antes, «%2», está a su lado: abre esa.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="41" />
        <source>“%1” is damaged and cannot be opened, and there is no earlier copy (.bak) next to it.</source>
        <translation>«%1» está dañado y no se puede abrir, y no hay ninguna copia anterior (.bak) a su lado.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="45" />
        <source>“%1” is damaged or not a file this app reads, so it was not opened.</source>
        <translation>«%1» está dañado o no es un archivo que esta aplicación lea, así que no se ha abierto.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="48" />
        <source>Details: %1</source>
        <translation>Detalles: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="58" />
        <source>No note fits both the key and the pitch range: widen the range or choose another key.</source>
        <translation>Ninguna nota encaja a la vez en la tonalidad y en el registro: amplía el registro o elige otra tonalidad.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="60" />
        <source>There is no melody to fill in yet: play, draw or open one first.</source>
        <translation>Aún no hay una melodía que rellenar: primero toca, dibuja o abre una.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="62" />
        <source>The span ends before it starts.</source>
        <translation>El tramo termina antes de empezar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="63" />
        <source>The span is empty: drag over at least one step of time on the ruler.</source>
        <translation>El tramo está vacío: arrastra en la regla sobre al menos un paso de tiempo.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="65" />
        <source>The span is too long: fill at most 32 bars at a time.</source>
        <translation>El tramo es demasiado largo: rellena como mucho 32 compases cada vez.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="66" />
        <source>The span starts after the melody ends: use Continue to add bars at the end.</source>
        <translation>El tramo empieza después de que termina la melodía: usa Continuar para añadir compases al final.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="68" />
        <source>A span starts and ends on the 16th-note grid.</source>
        <translation>Un tramo empieza y termina en la rejilla de semicorcheas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="69" />
        <source>That is not a span of bars.</source>
        <translation>Eso no es un tramo de compases.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="70" />
        <source>The model cannot be used: its file is damaged, incomplete or not one this app can run. Choose another model or train it again.</source>
        <translation>No se puede usar el modelo: su archivo está dañado, incompleto o no es uno que esta aplicación pueda ejecutar. Elige otro modelo o entrénalo de nuevo.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="76" />
        <source>(%1)</source>
        <translation>(%1)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/problems.py" line="80" />
        <source>Something went wrong (details in English: %1)</source>
        <translation>Algo ha salido mal (detalles en inglés: %1)</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location filename="../../composer_app/ui/workers.py" line="130" />
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
</context>
<context>
    <name>RecordingDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="28" />
        <source>Open a Recording</source>
        <translation>Abrir una grabación</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="69" />
        <source>Heard %1 notes in %2 s of audio (%3 in the melody line).</source>
        <translation>Se han oído %1 notas en %2 s de audio (%3 en la línea de la melodía).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="42" />
        <source>On the grid (16th notes at the tempo)</source>
        <translation>En la rejilla (semicorcheas al tempo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="35" />
        <source>Piano or another instrument</source>
        <translation>Piano u otro instrumento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="36" />
        <source>Singing or humming</source>
        <translation>Canto o tarareo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="37" />
        <source>A voice is followed one pitch at a time; an instrument may play chords</source>
        <translation>Una voz se sigue nota a nota; un instrumento puede tocar acordes</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="41" />
        <source>What was recorded</source>
        <translation>Qué se grabó</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="43" />
        <source>As played (the recording's own timing)</source>
        <translation>Como se tocó (el tiempo de la propia grabación)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="50" />
        <source>The tempo heard in the recording; change it if the bars come out wrong</source>
        <translation>El tempo oído en la grabación; cámbialo si los compases salen mal</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="51" />
        <source>Only the melody (one note at a time)</source>
        <translation>Solo la melodía (una nota cada vez)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="53" />
        <source>Timing</source>
        <translation>Tiempo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="55" />
        <source>Tempo</source>
        <translation>Tempo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="70" />
        <source>Heard %1 sung notes in %2 s of audio.</source>
        <translation>Se han oído %1 notas cantadas en %2 s de audio.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recording.py" line="83" />
        <source>Hearing the notes...</source>
        <translation>Escuchando las notas...</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="22" />
        <source>Recover unsaved work</source>
        <translation>Recuperar trabajo sin guardar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="24" />
        <source>composer-app closed without saving this work. Restore it?</source>
        <translation>Compositor se cerró sin guardar este trabajo. ¿Restaurarlo?</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="36" />
        <source>Restore</source>
        <translation>Restaurar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="37" />
        <source>Discard</source>
        <translation>Descartar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="38" />
        <source>Later</source>
        <translation>Más tarde</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/recovery_dialog.py" line="52" />
        <source>%1 (%2 notes, %3)</source>
        <translation>%1 (%2 notas, %3)</translation>
    </message>
</context>
<context>
    <name>Safekeeping</name>
    <message>
        <location filename="../../composer_app/ui/safekeeping.py" line="66" />
        <source>Autosave failed: %1</source>
        <translation>El guardado automático falló: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/safekeeping.py" line="105" />
        <source>Something went wrong inside composer-app. Your work was autosaved; the details are in %1.</source>
        <translation>Algo falló dentro de Compositor. Tu trabajo se guardó automáticamente; los detalles están en %1.</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="29" />
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="37" />
        <source>Command</source>
        <translation>Orden</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/help.py" line="37" />
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
</context>
<context>
    <name>SoundOut</name>
    <message>
        <location filename="../../composer_app/ui/live/sound_out.py" line="139" />
        <source>There is no audio output device; sound is off (MIDI output still works).</source>
        <translation>No hay salida de audio; sin sonido (la salida MIDI sigue funcionando).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/sound_out.py" line="145" />
        <source>The audio device does not take 44.1 kHz 16-bit sound; sound is off.</source>
        <translation>El dispositivo de audio no acepta sonido de 44,1 kHz y 16 bits; sin sonido.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/live/sound_out.py" line="152" />
        <source>The audio device could not be opened; sound is off.</source>
        <translation>No se pudo abrir el dispositivo de audio; sin sonido.</translation>
    </message>
</context>
<context>
    <name>TrackChooser</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="28" />
        <source>Drums</source>
        <translation>Batería</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="29" />
        <source>Piano</source>
        <translation>Piano</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="30" />
        <source>Chromatic percussion</source>
        <translation>Percusión cromática</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="31" />
        <source>Organ</source>
        <translation>Órgano</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="31" />
        <source>Guitar</source>
        <translation>Guitarra</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="32" />
        <source>Bass</source>
        <translation>Bajo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="32" />
        <source>Strings</source>
        <translation>Cuerdas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="33" />
        <source>Ensemble</source>
        <translation>Conjunto</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="33" />
        <source>Brass</source>
        <translation>Metales</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="34" />
        <source>Reeds</source>
        <translation>Lengüetas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="34" />
        <source>Flutes</source>
        <translation>Flautas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="35" />
        <source>Synth lead</source>
        <translation>Sintetizador solista</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="36" />
        <source>Synth pad</source>
        <translation>Colchón de sintetizador</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="37" />
        <source>Synth effects</source>
        <translation>Efectos de sintetizador</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="38" />
        <source>Ethnic</source>
        <translation>Étnicos</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="39" />
        <source>Percussive</source>
        <translation>Percusivos</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="40" />
        <source>Sound effects</source>
        <translation>Efectos de sonido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="50" />
        <source>Choose the melody track</source>
        <translation>Elige la pista de la melodía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="52" />
        <source>Which track of %1 holds the melody?</source>
        <translation>¿Qué pista de %1 lleva la melodía?</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="53" />
        <source>Track</source>
        <translation>Pista</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="53" />
        <source>Name</source>
        <translation>Nombre</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="53" />
        <source>Channel</source>
        <translation>Canal</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="53" />
        <source>Instrument</source>
        <translation>Instrumento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="53" />
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="54" />
        <source>Range</source>
        <translation>Registro</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="54" />
        <source>Polyphony</source>
        <translation>Polifonía</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/track_chooser.py" line="74" />
        <source>Keep all notes (not only the top line)</source>
        <translation>Conservar todas las notas (no solo la línea superior)</translation>
    </message>
</context>
<context>
    <name>TrainDialog</name>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="65" />
        <source>Train on a Folder</source>
        <translation>Entrenar con una carpeta</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="84" />
        <source>Training needs PyTorch, which the packaged app leaves out. Install the app from its sources with PyTorch to train: %1</source>
        <translation>Entrenar necesita PyTorch, que la aplicación empaquetada no incluye. Para entrenar, instala la aplicación desde sus fuentes con PyTorch: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="86" />
        <source>Training needs PyTorch, which this installation leaves out. Install it with: %1</source>
        <translation>Entrenar necesita PyTorch, que esta instalación no incluye. Instálalo con: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="98" />
        <source>A folder of MIDI files or recordings (.mid, .wav, .flac, .ogg), subfolders included</source>
        <translation>Una carpeta de archivos MIDI o grabaciones (.mid, .wav, .flac, .ogg), con sus subcarpetas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="100" />
        <source>The folder whose music the model learns</source>
        <translation>La carpeta cuya música aprende el modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="101" />
        <source>Choose...</source>
        <translation>Elegir...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="102" />
        <source>Pick the folder of MIDI files to train on</source>
        <translation>Elige la carpeta de archivos MIDI con la que entrenar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="106" />
        <source>Folder</source>
        <translation>Carpeta</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="107" />
        <source>No folder chosen yet.</source>
        <translation>Aún no has elegido una carpeta.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="109" />
        <source>Pieces found</source>
        <translation>Piezas encontradas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="112" />
        <source>Files that cannot be trained on, each with the reason</source>
        <translation>Archivos con los que no se puede entrenar, cada uno con el motivo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="116" />
        <source>The name the model has in the Continue panel</source>
        <translation>El nombre del modelo en el panel Continuar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="117" />
        <source>Model name</source>
        <translation>Nombre del modelo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="119" />
        <source>Automatic (by the amount of music)</source>
        <translation>Automática (según la cantidad de música)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="120" />
        <source>Small (2 x 128, for a few pieces)</source>
        <translation>Pequeña (2 x 128, para pocas piezas)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="121" />
        <source>Standard (2 x 256, for large folders)</source>
        <translation>Estándar (2 x 256, para carpetas grandes)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="122" />
        <source>The size of the network; Automatic picks the small one for less than 150,000 notes</source>
        <translation>El tamaño de la red; Automática elige la pequeña con menos de 150.000 notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="124" />
        <source>Network</source>
        <translation>Red</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="125" />
        <source>Start from the bundled model (fine-tune)</source>
        <translation>Partir del modelo incluido (ajuste fino)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="126" />
        <source>Begin with what the bundled model knows and adapt it to this folder: usually better on a few pieces, and the network is the bundled one's</source>
        <translation>Empieza con lo que sabe el modelo incluido y lo adapta a esta carpeta: suele ser mejor con pocas piezas, y la red es la del modelo incluido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="133" />
        <source> min</source>
        <translation> min</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="134" />
        <source>Training stops after this long at most (earlier when it stops improving)</source>
        <translation>El entrenamiento se detiene como mucho tras este tiempo (antes si deja de mejorar)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="135" />
        <source>Longest training</source>
        <translation>Entrenamiento máximo</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="150" />
        <source>Start</source>
        <translation>Empezar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="151" />
        <source>Start training from the beginning</source>
        <translation>Empezar el entrenamiento desde el principio</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="153" />
        <source>Resume</source>
        <translation>Reanudar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="154" />
        <source>Go on from the last finished epoch of the stopped training</source>
        <translation>Seguir desde la última época terminada del entrenamiento detenido</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="156" />
        <source>Cancel Training</source>
        <translation>Cancelar entrenamiento</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="157" />
        <source>Stop training; the finished epochs are kept for Resume</source>
        <translation>Detener el entrenamiento; las épocas terminadas se guardan para Reanudar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="159" />
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="160" />
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="174" />
        <source>Folder of MIDI files</source>
        <translation>Carpeta de archivos MIDI</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="201" />
        <source>Counting the pieces...</source>
        <translation>Contando las piezas...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="234" />
        <source>Starting the training...</source>
        <translation>Empezando el entrenamiento...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="241" />
        <source>Stopping...</source>
        <translation>Deteniendo...</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="279" />
        <source>Reading the files: %1 of %2</source>
        <translation>Leyendo los archivos: %1 de %2</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="290" />
        <source>Epoch %1, batch %2 of %3: loss %4; at most %5 left</source>
        <translation>Época %1, lote %2 de %3: pérdida %4; quedan como mucho %5</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="298" />
        <source>Done: the model is in the Continue panel's model list.</source>
        <translation>Hecho: el modelo está en la lista de modelos del panel Continuar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="300" />
        <source>On %1 held-out pieces: %2 bits per note (the n-gram: %3).</source>
        <translation>En %1 piezas reservadas: %2 bits por nota (el n-grama: %3).</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="307" />
        <source>%1 files: %2 melodies, %3 notes</source>
        <translation>%1 archivos: %2 melodías, %3 notas</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="310" />
        <source>%1 skipped (below)</source>
        <translation>%1 omitidos (abajo)</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="325" />
        <source>Ready to train.</source>
        <translation>Listo para entrenar.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="326" />
        <source>A stopped training of this folder can be resumed.</source>
        <translation>Se puede reanudar un entrenamiento detenido de esta carpeta.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="328" />
        <source>The folder cannot be read.</source>
        <translation>No se puede leer la carpeta.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="332" />
        <source>Training stopped. The finished epochs are kept: Resume goes on from them.</source>
        <translation>Entrenamiento detenido. Las épocas terminadas se guardan: Reanudar sigue desde ellas.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="334" />
        <source>Training stopped before its first epoch was finished, so there is nothing to resume: Start begins again.</source>
        <translation>El entrenamiento se detuvo antes de terminar su primera época, así que no hay nada que reanudar: Empezar comienza de nuevo.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="340" />
        <source>Training failed: %1</source>
        <translation>El entrenamiento falló: %1</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="341" />
        <source>the training process ended unexpectedly</source>
        <translation>el proceso de entrenamiento terminó de forma inesperada</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="346" />
        <source>The training process could not be started.</source>
        <translation>No se pudo iniciar el proceso de entrenamiento.</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="385" />
        <source>Training is running</source>
        <translation>El entrenamiento está en marcha</translation>
    </message>
    <message>
        <location filename="../../composer_app/ui/dialogs/train_dialog.py" line="386" />
        <source>Stop the training? The finished epochs are kept for Resume.</source>
        <translation>¿Detener el entrenamiento? Las épocas terminadas se guardan para Reanudar.</translation>
    </message>
</context>
<context>
    <name>VelocityLane</name>
    <message>
        <location filename="../../composer_app/ui/roll/parts.py" line="188" />
        <source>Set velocity</source>
        <translation>Cambiar intensidad</translation>
    </message>
</context>
</TS>