"""`python -m bench` (`make bench`): prints the speed figures of Lookaloud."""

from bench import caption, hotkey, screen, session

caption.main()
screen.main()
hotkey.main()
session.main()
