from planwriter.cli import run

run()
