from eventdesk.cli import main

main()
