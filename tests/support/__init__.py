"""What several test packages share: paths, ports, real server processes, reference solvers."""
