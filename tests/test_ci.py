"""CI's own helpers: .ci/trixie_source.py derives a deb-src entry from the machine's apt source."""

import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parent.parent / ".ci" / "trixie_source.py"
KEYRING = "/usr/share/keyrings/debian-archive-keyring.gpg"
EXPECTED = (
    "Types: deb-src\nURIs: http://mirror.invalid/debian\nSuites: trixie\nComponents: main\n"
    f"Signed-By: {KEYRING}\n"
)
DEB822 = f"""Types: deb
# http://snapshot.invalid/archive/debian/20250520T000000Z
URIs: http://mirror.invalid/debian
Suites: bookworm bookworm-updates
Components: main
Signed-By: {KEYRING}

Types: deb
URIs: http://mirror.invalid/debian-security
Suites: bookworm-security
Components: main
Signed-By: {KEYRING}
"""
ONE_LINE = f"""# deb cdrom:[Debian GNU/Linux 12]/ bookworm main
deb http://mirror.invalid/debian-security bookworm-security main
deb [arch=amd64 signed-by={KEYRING}] http://mirror.invalid/debian bookworm main contrib
"""


def machine(root, files):
    (root / "etc/apt/sources.list.d").mkdir(parents=True)
    (root / "etc/os-release").write_text(
        'PRETTY_NAME="Debian GNU/Linux 12"\nVERSION_CODENAME=bookworm\n'
    )
    for name, text in files.items():
        (root / name).write_text(text)
    return subprocess.run(
        [sys.executable, SCRIPT, root], capture_output=True, text=True, timeout=30
    )


@pytest.mark.parametrize(
    "files",
    [
        {"etc/apt/sources.list.d/debian.sources": DEB822},
        {"etc/apt/sources.list": ONE_LINE},
    ],
    ids=["deb822", "one-line"],
)
def test_the_trixie_source_reuses_the_machines_debian_archive(tmp_path, files):
    run = machine(tmp_path, files)

    assert (run.returncode, run.stdout) == (0, EXPECTED), run.stderr


def test_no_debian_source_fails_with_one_line(tmp_path):
    run = machine(
        tmp_path, {"etc/apt/sources.list.d/other.list": "deb http://x.invalid/ stable main\n"}
    )

    assert run.returncode == 1 and run.stdout == ""
    assert run.stderr.startswith("No Debian archive for bookworm (component main)"), run.stderr
    assert len(run.stderr.splitlines()) == 1
