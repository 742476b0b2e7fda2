"""What one graded notebook may use (standard library only: the command line reads it)."""

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Limits:
    """What one graded notebook may use."""

    timeout: int = 120  # seconds per cell: also Validate's and `workbook check`'s limit
    memory_mb: int = 2048  # per notebook kernel (all its processes with cgroups)
    processes: int = 128  # processes and threads per kernel
    file_size_mb: int = 64  # largest file the kernel may write
    output_kb: int = 2048  # total output recorded per notebook
    disk_mb: int = 512  # what the kernel may write into its working folder
    tmp_mb: int = 256  # size of the private /tmp
    hang_grace: int = 10  # seconds a timed-out cell has to stop once interrupted

    def as_dict(self):
        return asdict(self)

    @classmethod
    def from_arguments(cls, args):
        """The limits a ``workbook autograde``/``grade`` command line asks for."""
        return cls(
            timeout=args.timeout,
            memory_mb=args.memory,
            processes=args.processes,
            file_size_mb=args.file_size,
            output_kb=args.output_kb,
            disk_mb=args.disk,
        )
