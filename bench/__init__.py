"""Speed and memory figures: `make bench` (`python -m bench`)."""
