from PySide6.QtWidgets import QApplication

from composer_app.ui.app import install_translation, resources_dir


def test_spanish_translation_covers_menus_actions_and_panel(qtbot):
    app = QApplication.instance()
    assert (resources_dir() / "i18n" / "composer_es.qm").exists()
    before = list(app.findChildren(__import__("PySide6.QtCore", fromlist=["QTranslator"]).QTranslator))
    assert install_translation(app, "es") == "es"
    try:
        from composer_app.ui.main_window import MainWindow

        w = MainWindow(load_model_in_background=False)
        qtbot.addWidget(w)
        menus = [a.text() for a in w.menuBar().actions()]
        assert menus[:3] == ["&Archivo", "&Editar", "&Ver"]
        assert w.actions["undo"].text() == "&Deshacer"
        assert w.actions["tool_draw"].text() == "Herramienta &lápiz"
        assert w.panel.continue_button.text() == "Continuar"
        assert "Sin título" in w.windowTitle()
    finally:
        from PySide6.QtCore import QTranslator

        for t in app.findChildren(QTranslator):
            if t not in before:
                app.removeTranslator(t)


def test_english_needs_no_translation(qtbot):
    assert install_translation(QApplication.instance(), "en") == "en"
