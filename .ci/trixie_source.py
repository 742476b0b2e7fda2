"""Print an apt deb-src entry for Debian 13 "trixie", derived from this machine's Debian source.

CI builds Python 3.13 from Debian's own source package. The entry reuses the URI (and
Signed-By) of the machine's main Debian archive, found in the deb822 files under
/etc/apt/sources.list.d/ or the one-line /etc/apt/sources.list, so no host name is written
here. Usage: python3 .ci/trixie_source.py [ROOT] > /etc/apt/sources.list.d/zz-ci-trixie-src.sources
Exit status 1, with one line saying what is missing, where no such source exists.
"""

import re
import sys
from pathlib import Path

SUITE = "trixie"


def codename(root):
    release = (root / "etc/os-release").read_text() if (root / "etc/os-release").exists() else ""
    found = re.search(r'^VERSION_CODENAME="?(\w+)"?$', release, re.MULTILINE)
    return found.group(1) if found else None


def deb822_entries(root):
    """Yield ``(uri, suites, components, signed_by)`` for each deb stanza of the .sources files."""
    for path in sorted((root / "etc/apt/sources.list.d").glob("*.sources")):
        for stanza in re.split(r"\n\s*\n", path.read_text()):
            fields = dict(re.findall(r"^([\w-]+):[ \t]*(.*)$", stanza, re.MULTILINE))
            if "deb" in fields.get("Types", "").split() and fields.get("Enabled", "yes") != "no":
                for uri in fields.get("URIs", "").split():
                    suites, components = fields.get("Suites", ""), fields.get("Components", "")
                    yield uri, suites.split(), components.split(), fields.get("Signed-By")


def one_line_entries(root):
    """Yield the same for each ``deb [options] URI suite components`` line."""
    files = [
        root / "etc/apt/sources.list",
        *sorted((root / "etc/apt/sources.list.d").glob("*.list")),
    ]
    for path in files:
        for line in path.read_text().splitlines() if path.exists() else []:
            found = re.match(r"\s*deb\s+(?:\[([^\]]*)\]\s+)?(\S+)\s+(\S+)\s+(.*)", line)
            if found:
                options, uri, suite, components = found.groups()
                signed = re.search(r"signed-by=(\S+)", options or "")
                yield uri, [suite], components.split(), signed and signed.group(1)


def trixie_source(root):
    """Return the deb822 deb-src stanza, or raise SystemExit naming what is missing."""
    name = codename(root)
    for uri, suites, components, signed_by in [*deb822_entries(root), *one_line_entries(root)]:
        if name in suites and "main" in components:
            lines = ["Types: deb-src", f"URIs: {uri}", f"Suites: {SUITE}", "Components: main"]
            if signed_by and signed_by.startswith("/"):  # a keyring file, not an inline key
                lines.append(f"Signed-By: {signed_by}")
            return "\n".join(lines) + "\n"
    raise SystemExit(
        f"No Debian archive for {name or 'this release'} (component main) in /etc/apt/sources.list "
        "or /etc/apt/sources.list.d/: CI builds Python 3.13 from Debian's source package and "
        "needs the machine's Debian apt source to find it."
    )


if __name__ == "__main__":
    print(trixie_source(Path(sys.argv[1] if len(sys.argv) > 1 else "/")), end="")
