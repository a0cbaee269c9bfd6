"""An export the studio stops (the server shutting down: the export thread answers None) leaves no empty file
in the exports folder: the path it reserved is released (driven with the simulated user)."""
from components import export_dialog
from studio.app import exports
from ui_helpers import click, until


async def test_an_export_stopped_with_the_studio_leaves_no_empty_file(studio, testid, monkeypatch):
    real_io_bound = export_dialog.run.io_bound
    stopped = []

    async def io_bound(callback, *args, **kwargs):
        if callback is exports.export_in_studio:  # the server is stopping: NiceGUI answers None
            stopped.append(args[1])
            return None
        return await real_io_bound(callback, *args, **kwargs)

    monkeypatch.setattr(export_dialog.run, "io_bound", io_bound)
    click(studio, testid(studio, "export-open")[0])
    click(studio, testid(studio, "export-project")[0])
    await until(lambda: stopped, timeout=30)
    folder = studio.shared.exports_dir
    await until(lambda: not stopped[0].exists(), timeout=10)
    assert [p for p in folder.iterdir() if p.is_file()] == []
