"""Fill resources/i18n/composer_es.ts with the Spanish texts below, then compile it with pyside6-lrelease.

Workflow: pyside6-lupdate composer_app/ui/*.py -ts resources/i18n/composer_es.ts
          python scripts/translate_es.py && pyside6-lrelease resources/i18n/composer_es.ts
"""

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ES = {
    'Lowest and highest note the continuation may use: type a note such as C4 or a MIDI number': 'Nota más grave y más aguda que puede usar la continuación: escribe una nota como C4 o un número MIDI',
    ' Tempo ': ' Tempo ',
    'Tempo of the piece, in quarter notes per minute': 'Tempo de la pieza, en negras por minuto',
    ' Time ': ' Compás ',
    'Time signature of the piece': 'Compás de la pieza',
    'Tempo %1': 'Tempo %1',
    'Time signature %1': 'Compás %1',
    'Recover unsaved work': 'Recuperar trabajo sin guardar',
    'composer-app closed without saving this work. Restore it?': 'composer-app se cerró sin guardar este trabajo. ¿Restaurarlo?',
    'Restore': 'Restaurar',
    'Discard': 'Descartar',
    'Later': 'Más tarde',
    'Open': 'Abrir',
    'Projects and MIDI files (*.composer *.mid *.midi);;composer-app projects (*.composer);;MIDI files (*.mid *.midi);;All files (*)': 'Proyectos y archivos MIDI (*.composer *.mid *.midi);;Proyectos de composer-app (*.composer);;Archivos MIDI (*.mid *.midi);;Todos los archivos (*)',
    'melody': 'melodía',
    'Save': 'Guardar',
    'composer-app project (*.composer);;MIDI file, melody only (*.mid)': 'Proyecto de composer-app (*.composer);;Archivo MIDI, solo la melodía (*.mid)',
    '%1\nYour work is still open; try another folder or name.': '%1\nTu trabajo sigue abierto; prueba otra carpeta u otro nombre.',
    'Autosave failed: %1': 'El guardado automático falló: %1',
    'Something went wrong inside composer-app. Your work was autosaved; the details are in %1.': 'Algo falló dentro de composer-app. Tu trabajo se guardó automáticamente; los detalles están en %1.',
    'Restore recovered work': 'Restaurar el trabajo recuperado',
    'The kind of music the model should continue in; Auto lets it judge from the seed': 'El tipo de música en que el modelo debe continuar; Auto deja que lo juzgue por la semilla',
    'Dance tune': 'Danza',
    'Song or air': 'Canción o aire',
    'Chorale': 'Coral',
    'Renaissance': 'Renacimiento',
    'Style': 'Estilo',
    'Where the continuation ends: its last note falls on the last strong beat, on the tonic or on a note of the tonic chord': 'Dónde termina la continuación: su última nota cae en el último tiempo fuerte, en la tónica o en una nota del acorde de tónica',
    'Free': 'Libre',
    'Tonic': 'Tónica',
    'Chord tone': 'Nota del acorde',
    'End on': 'Terminar en',
    " Grid ": " Rejilla ",
    "%1 on %2": "%1 en %2",
    "&About composer-app": "&Acerca de composer-app",
    "&Accept Variation": "&Aceptar variación",
    "&Continue": "&Continuar",
    "&Copy": "&Copiar",
    "&Delete": "&Borrar",
    "&Discard Variations": "&Descartar variaciones",
    "&Draw Tool": "Herramienta &lápiz",
    "&Edit": "&Editar",
    "&Erase Tool": "Herramienta &goma",
    "&File": "&Archivo",
    "&Generate": "&Generar",
    "&Help": "A&yuda",
    "&New": "&Nuevo",
    "&Next Variation": "Variación &siguiente",
    "&Open...": "&Abrir...",
    "&Paste": "&Pegar",
    "&Play": "&Reproducir",
    "&Play/Stop": "&Reproducir/Detener",
    "&Preferences...": "&Preferencias...",
    "&Quantize": "&Cuantizar",
    "&Quit": "&Salir",
    "&Redo": "&Rehacer",
    "&Save": "&Guardar",
    "&Select Tool": "Herramienta de &selección",
    "&Stop": "&Detener",
    "&Tools": "&Herramientas",
    "&Undo": "&Deshacer",
    "&View": "&Ver",
    "<original>": "<original>",
    "A new language takes effect when the app starts again.": "El nuevo idioma se aplica al volver a abrir la aplicación.",
    "About composer-app": "Acerca de composer-app",
    "Accept": "Aceptar",
    "Accept variation %1": "Aceptar variación %1",
    "Again": "Otra vez",
    "Always generate on the CPU": "Generar siempre en la CPU",
    "Auto": "Automática",
    "Auto (%1)": "Automática (%1)",
    "Bars to add": "Compases a añadir",
    "Cancel": "Cancelar",
    "Cannot export audio": "No se puede exportar el audio",
    "Cannot open file": "No se puede abrir el archivo",
    "Cannot save file": "No se puede guardar el archivo",
    "Channel": "Canal",
    "Choose the melody track": "Elige la pista de la melodía",
    "Click or drag over notes to erase them": "Haz clic o arrastra sobre las notas para borrarlas",
    "Click or drag to draw notes": "Haz clic o arrastra para dibujar notas",
    "Continue": "Continuar",
    "Continue A&gain": "Continuar &otra vez",
    "Continue from": "Continuar desde",
    "Copied as a MIDI file": "Copiado como archivo MIDI",
    "Copy as MIDI &File": "Copiar como &archivo MIDI",
    "Creativity": "Creatividad",
    "Cu&t": "Cor&tar",
    "D&uplicate": "D&uplicar",
    "Delete notes": "Borrar notas",
    "Discard": "Descartar",
    "Drag the selected variation into a DAW, a file manager or a notation program":
        "Arrastra la variación elegida a un DAW, a un gestor de archivos o a un programa de notación",
    "Drag to DAW": "Arrastrar al DAW",
    "Draw note": "Dibujar nota",
    "Duplicate": "Duplicar",
    "Erase notes": "Borrar notas",
    "Export &Melody as MIDI...": "Exportar la &melodía como MIDI...",
    "Export &Variation as MIDI...": "Exportar la &variación como MIDI...",
    "Export MIDI": "Exportar MIDI",
    "Export S&election as MIDI...": "Exportar la s&elección como MIDI...",
    "Export WAV": "Exportar WAV",
    "Export as &WAV...": "Exportar como &WAV...",
    "Generate continuations (Ctrl+Enter)": "Generar continuaciones (Ctrl+Intro)",
    "Generation cancelled": "Generación cancelada",
    "Generation failed": "La generación ha fallado",
    "Generation is unavailable: %1": "No se puede generar: %1",
    "Generation unavailable": "Generación no disponible",
    "Instrument": "Instrumento",
    "Keep all notes (not only the top line)": "Conservar todas las notas (no solo la línea superior)",
    "Key": "Tonalidad",
    "Key: %1": "Tonalidad: %1",
    "Language": "Idioma",
    "Last generation: %1 ms": "Última generación: %1 ms",
    "Loading the model...": "Cargando el modelo...",
    "MIDI files (*.mid *.midi);;All files (*)": "Archivos MIDI (*.mid *.midi);;Todos los archivos (*)",
    "MIDI files (*.mid)": "Archivos MIDI (*.mid)",
    "MIDI: no devices": "MIDI: sin dispositivos",
    "Main": "Principal",
    "Model": "Modelo",
    "Model: %1 (%2)": "Modelo: %1 (%2)",
    "Model: loading...": "Modelo: cargando...",
    "Model: unavailable": "Modelo: no disponible",
    "Move notes": "Mover notas",
    "Name": "Nombre",
    "No key lock": "Sin tonalidad fija",
    "Note density": "Densidad de notas",
    "Notes": "Notas",
    "Nothing to export": "Nada que exportar",
    "Open &Recent": "Abrir &reciente",
    "Open MIDI file": "Abrir archivo MIDI",
    "Opened %1: %2 notes": "Abierto %1: %2 notas",
    "P&revious Variation": "Variación &anterior",
    "Paste": "Pegar",
    "Pitch range": "Registro",
    "Polyphony": "Polifonía",
    "Preferences": "Preferencias",
    "Quantize": "Cuantizar",
    "Range": "Registro",
    "Resize notes": "Cambiar duración",
    "Save &As...": "Guardar &como...",
    "Save melody": "Guardar melodía",
    "Save the changes to this melody first?": "¿Guardar antes los cambios de esta melodía?",
    "Saved %1": "Guardado %1",
    "Select &All": "Seleccionar &todo",
    "Select, move and resize notes": "Seleccionar, mover y alargar notas",
    "Set velocity": "Cambiar intensidad",
    "Show History...": "Mostrar historial...",
    "Snap grid (hold Alt while dragging to snap off)": "Rejilla de ajuste (mantén Alt al arrastrar para no ajustar)",
    "System language": "Idioma del sistema",
    "The audio device could not be opened; sound is off.": "No se pudo abrir el dispositivo de audio; sin sonido.",
    "The audio device does not take 44.1 kHz 16-bit sound; sound is off.":
        "El dispositivo de audio no acepta sonido de 44,1 kHz y 16 bits; sin sonido.",
    "The model is still loading.": "El modelo todavía se está cargando.",
    "There are no notes to export.": "No hay notas que exportar.",
    "There is no audio output device; sound is off (MIDI output still works).":
        "No hay salida de audio; sin sonido (la salida MIDI sigue funcionando).",
    "Top-p": "Top-p",
    "Track": "Pista",
    "Transpose": "Transportar",
    "Transpose Down a Semitone": "Bajar un semitono",
    "Transpose Down an Octave": "Bajar una octava",
    "Transpose Up a Semitone": "Subir un semitono",
    "Transpose Up an Octave": "Subir una octava",
    "Undo &History": "&Historial de deshacer",
    "Undo History": "Historial de deshacer",
    "Unsaved changes": "Cambios sin guardar",
    "Untitled": "Sin título",
    "Variation %1 (%2 notes)": "Variación %1 (%2 notas)",
    "Variations": "Variaciones",
    "Velocity": "Intensidad",
    "WAV audio (*.wav)": "Audio WAV (*.wav)",
    "Which track of %1 holds the melody?": "¿Qué pista de %1 lleva la melodía?",
    "Zoom &In": "&Acercar",
    "Zoom &Out": "A&lejar",
    "composer-app continues your melodies with a small LSTM.\nThe bundled model was trained on public-domain folk tunes and Bach chorales.":
        "composer-app continúa tus melodías con una pequeña red LSTM.\n"
        "El modelo incluido se entrenó con melodías populares y corales de Bach de dominio público.",
    "the end": "el final",
    "the selection": "la selección",
    "Drag to DAW ": "Arrastrar al DAW",
    "&Record": "&Grabar",
    "Record from the MIDI input at the playhead": "Grabar desde la entrada MIDI en el cursor de reproducción",
    "&Jam (Call and Response)": "&Improvisar (pregunta y respuesta)",
    "Play a phrase and pause: the model answers": "Toca una frase y haz una pausa: el modelo responde",
    "Recorded %1 notes": "Grabadas %1 notas",
    "Choose a MIDI input in Preferences to record.": "Elige una entrada MIDI en Preferencias para grabar.",
    "Jam needs a MIDI input (Preferences) and the model.": "Para improvisar hace falta una entrada MIDI (Preferencias) y el modelo.",
    "Jam: play a phrase, then pause for two beats.": "Improvisar: toca una frase y haz una pausa de dos pulsos.",
    "MIDI: unavailable": "MIDI: no disponible",
    "in: %1": "entrada: %1",
    "in: %1 (gone)": "entrada: %1 (desconectada)",
    "out: %1": "salida: %1",
    "out: %1 (gone)": "salida: %1 (desconectada)",
    "out: built-in piano": "salida: piano integrado",
    "MIDI device %1 was unplugged; what you recorded is kept.": "Se desconectó el dispositivo MIDI %1; lo grabado se conserva.",
    "MIDI device %1 is back.": "El dispositivo MIDI %1 ha vuelto.",
    "MIDI error: %1": "Error MIDI: %1",
    "Record": "Grabar",
    "General": "General",
    "MIDI": "MIDI",
    "Automatic": "Automático",
    "MIDI system": "Sistema MIDI",
    "None": "Ninguna",
    "None (built-in piano)": "Ninguna (piano integrado)",
    "%1 (not connected)": "%1 (no conectado)",
    "Input (keyboard)": "Entrada (teclado)",
    "Output (synth)": "Salida (sintetizador)",
    "Play what comes in (MIDI thru)": "Tocar lo que entra (MIDI thru)",
    "Off": "No",
    "Quantize while recording": "Cuantizar al grabar",
    "Overdub (add to the notes)": "Superponer (añadir a las notas)",
    "Replace (notes under the take go)": "Reemplazar (se quitan las notas debajo de la toma)",
    "Recording": "Grabación",
    "One bar count-in": "Un compás de entrada",
    "Metronome while recording": "Metrónomo al grabar",
}


MIXINS = {"FileActions": "MainWindow", "LiveActions": "MainWindow"}


def merge_mixin_contexts(root) -> None:
    contexts = {c.findtext("name"): c for c in root.iter("context")}
    for mixin, target in MIXINS.items():
        source = contexts.get(mixin)
        if source is None:
            continue
        dest = contexts.get(target)
        if dest is None:
            source.find("name").text = target
            continue
        known = {m.findtext("source") for m in dest.iter("message")}
        for message in list(source.iter("message")):
            if message.findtext("source") not in known:
                dest.append(message)
        root.remove(source)


def main() -> int:
    path = Path(__file__).resolve().parents[1] / "resources" / "i18n" / "composer_es.ts"
    tree = ET.parse(path)
    root = tree.getroot()
    root.set("language", "es_ES")
    # PySide's self.tr() looks a string up under the class of the object at run time; lupdate files the
    # strings of MainWindow's mixins under the mixin's name, so they are moved to MainWindow.
    merge_mixin_contexts(root)
    missing = []
    for message in root.iter("message"):
        source = message.findtext("source")
        translation = message.find("translation")
        if source in ES:
            translation.text = ES[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(path, encoding="utf-8", xml_declaration=True)
    for m in missing:
        print(f"untranslated: {m!r}", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
