"""Running submitted code safely: the bubblewrap sandbox, limits, the kernel zygote, guarded
execution, output sanitising and the static policy."""
