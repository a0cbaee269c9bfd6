"""``python main.py <anything>`` says where the command line is and exits 2; it never starts a server."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.parametrize("args", [["render", "t.txt"], ["--help"], ["x" * 500]])
def test_main_py_with_arguments_points_to_the_cli_and_starts_no_server(tmp_path, args):
    # Were a server started anyway, it would be on a port of its own with a throwaway data folder.
    env = {"PATH": "/usr/bin:/bin", "CAROUSEL_STUDIO_DATA_DIR": str(tmp_path / "data"),
           "CAROUSEL_STUDIO_SERVE": json.dumps({"port": 8687, "show": False})}
    proc = subprocess.Popen([sys.executable, str(ROOT / "main.py"), *args], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.communicate()
        pytest.fail("main.py with arguments started a server")
    assert proc.returncode == 2
    assert "carousel-studio" in err and "takes no arguments" in err and "Traceback" not in err
    assert len(err) < 600 and not (tmp_path / "data").exists()
