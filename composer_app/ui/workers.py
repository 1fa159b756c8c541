"""Off-GUI-thread work: loading the model and generating continuations (QThreadPool runnables)."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

from composer_app.core.errors import ComposerError
from composer_app.core.melody import Melody
from composer_app.engine.generate import ContinueOptions, continue_melody
from composer_app.engine.model import LoadedModel, ModelLoadError
from composer_app.engine.provider import choose_provider
from composer_app.ui.problems import in_words


class WorkerSignals(QObject):
    finished = Signal(object)
    failed = Signal(str)
    error = Signal(object)  # the exception itself (Task)
    progress = Signal(float)


def warm_up(model: LoadedModel) -> None:
    """One short generation, so the student's first Continue is as fast as the next ones."""
    seed = Melody.from_notes([(0, 480, 60, 80), (480, 480, 64, 80), (960, 480, 67, 80)])
    continue_melody(model, seed, ContinueOptions(bars=1, variations=2, seed=0))


class ModelLoader(QRunnable):
    """Loads (validates) a model in the background, on the CPU or GPU as `provider` says ("auto": the faster,
    measured); emits finished(ProviderChoice) or failed(sentence)."""

    def __init__(self, path=None, provider: str = "auto") -> None:
        super().__init__()
        self.path, self.provider = path, provider
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            choice = choose_provider(self.path, self.provider)
            warm_up(choice.model)
        except ComposerError as e:
            self._tell(self.signals.failed, in_words(e))
        except Exception as e:  # never let a worker thread die silently
            self._tell(self.signals.failed, in_words(ModelLoadError(
                f"the model could not be loaded ({type(e).__name__}: {e})")))
        else:
            self._tell(self.signals.finished, choice)

    @staticmethod
    def _tell(signal, value) -> None:
        try:
            signal.emit(value)
        except RuntimeError:  # the window closed while the model loaded: nobody is waiting for it
            pass


class Task(QRunnable):
    """Any work off the GUI thread; its result or error comes back as a signal (handled on the GUI thread)."""

    def __init__(self, work) -> None:
        super().__init__()
        self.work = work
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = self.work()
        except Exception as e:  # noqa: BLE001  (reported to the caller, never lost on a worker thread)
            self.signals.error.emit(e if isinstance(e, ComposerError) else ComposerError(f"{type(e).__name__}: {e}"))
        else:
            self.signals.finished.emit(result)


def pool_executor(pool, keep: list):
    """A session Executor running work on `pool`; `keep` holds running tasks so their signals outlive the call."""
    def run(work, on_done, on_failed) -> None:
        task = Task(work)
        keep.append(task)

        def finish(callback, value) -> None:
            keep.remove(task)
            # the connections hold these lambdas, which hold the task: cut the cycle Python cannot see
            task.signals.finished.disconnect()
            task.signals.error.disconnect()
            task.work = None
            callback(value)

        task.signals.finished.connect(lambda result: finish(on_done, result))
        task.signals.error.connect(lambda error: finish(on_failed, error))
        pool.start(task)
    return run


class Cancelled(ComposerError):
    """The student cancelled work that was waited for (wait_for with `cancellable`)."""

    def __init__(self) -> None:
        super().__init__("cancelled", "cancelled")


class ProgressSignal(QObject):
    """Carries a share done (0-1) from the worker thread to the progress dialog on the GUI thread."""

    changed = Signal(float)


def wait_for(work, parent=None, text: str = "", progress: bool = False, cancellable: bool = False):
    """Run `work` off the GUI thread and wait for it with the window alive (painting, a dialog after 0.3 s);
    its result, or its error raised here (a ComposerError). With `progress`, `work` is called with a function
    to tell the share done (0-1), and the dialog shows a bar that fills; with `cancellable` it has a Cancel
    button, and the next report after Cancel stops the work: Cancelled is raised here."""
    from PySide6.QtCore import QEventLoop, QThreadPool
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QProgressDialog

    loop, outcome = QEventLoop(), {}
    stop = threading.Event()
    carrier = ProgressSignal()

    def tell(share: float) -> None:  # on the worker thread
        if stop.is_set():
            raise Cancelled()
        carrier.changed.emit(share)

    task = Task((lambda: work(tell)) if progress else work)
    task.signals.finished.connect(lambda result: (outcome.update(result=result), loop.quit()))
    task.signals.error.connect(lambda error: (outcome.update(error=error), loop.quit()))
    busy = QProgressDialog(text, QProgressDialog.tr("Cancel") if cancellable else "", 0, 1000 if progress else 0,
                           parent)
    if not cancellable:
        busy.setCancelButton(None)
    busy.setAutoClose(False)
    busy.setAutoReset(False)
    busy.setMinimumDuration(300)
    busy.setMinimumWidth(360)
    busy.setWindowTitle(QGuiApplication.applicationDisplayName())
    busy.canceled.connect(stop.set)
    carrier.changed.connect(lambda share: busy.setValue(round(1000 * min(1.0, max(0.0, share)))))
    QThreadPool.globalInstance().start(task)
    if not outcome:  # it may have finished already (signals queued until the loop runs)
        loop.exec()
    busy.close()
    busy.deleteLater()
    task.work = None
    if "error" in outcome:
        raise outcome["error"]
    return outcome["result"]


class Generation:
    """A running Continue: the window asks it to cancel; the engine checks the event between steps."""

    def __init__(self) -> None:
        self.cancel_event = threading.Event()
        self.signals = WorkerSignals()  # progress, emitted on the worker thread, delivered on the GUI thread

    def cancel(self) -> None:
        self.cancel_event.set()
