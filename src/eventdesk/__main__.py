from eventdesk.cli import run

run()
