"""Cleaning up after a kernel survives whatever the kernel left behind."""

import os

from workbook.isolation.kernel_side.kernel_zygote import empty, remove_tree


def _deep_tree(top, depth):
    """``depth`` nested folders below ``top`` (deeper than Python's recursion limit)."""
    fd = os.open(top, os.O_RDONLY)
    for _ in range(depth):
        os.mkdir("d", dir_fd=fd)
        child = os.open("d", os.O_RDONLY, dir_fd=fd)
        os.close(fd)
        fd = child
    with open(os.open("file", os.O_WRONLY | os.O_CREAT, 0o600, dir_fd=fd), "w") as file:
        file.write("left behind")
    os.mkdir("locked", dir_fd=fd)
    os.chmod("locked", 0, dir_fd=fd)
    os.close(fd)


def test_a_tree_deeper_than_the_recursion_limit_is_removed(tmp_path):
    _deep_tree(tmp_path, 3000)  # 6,000 characters of path: past PATH_MAX too
    remove_tree(tmp_path)
    assert not tmp_path.exists()


def test_empty_keeps_what_it_is_told_and_the_way_to_it(tmp_path):
    keep = tmp_path / "a" / "b" / "kept"
    keep.mkdir(parents=True)
    (keep / "inside").write_text("stays")
    (tmp_path / "a" / "b" / "gone").write_text("goes")
    (tmp_path / "a" / "sibling").mkdir()
    (tmp_path / "link").symlink_to(keep)
    _deep_tree(tmp_path / "a" / "sibling", 50)

    empty(str(tmp_path), keep=str(keep))

    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "a",
        "a/b",
        "a/b/kept",
        "a/b/kept/inside",
    ]


def test_remove_tree_of_nothing_is_harmless(tmp_path):
    remove_tree(tmp_path / "absent")
