# Lookaloud: `make run` sets everything up and starts the app; `make test` sets up and tests.
VENV ?= .venv
PYTHON := $(VENV)/bin/python
RUNTIME_STAMP := $(VENV)/.installed-runtime
DEV_STAMP := $(VENV)/.installed-dev

.PHONY: run test lint bench train clean

run: $(RUNTIME_STAMP)
	$(PYTHON) -m desktop $(ARGS)

test: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m pytest $(PYTEST_ARGS)
	$(PYTHON) -m ruff check .

lint: $(DEV_STAMP)
	$(PYTHON) -m ruff check .

bench: $(DEV_STAMP)
	$(PYTHON) -m bench

# Rebuilds the bundled model from scratch, screens rendered included (at most 60 minutes on
# 2 CPU cores), measures it against the MLE-only generator on photos and on real and
# held-out rendered screens, and puts it in assets/model.
train: $(DEV_STAMP)
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m train --config train/configs/default.toml --out runs/default
	$(PYTHON) -m train.evaluate --model runs/default/bundle-mle --model runs/default/bundle --write-metrics \
		--out runs/default/evaluate.json
	QT_QPA_PLATFORM=offscreen $(PYTHON) -m train.screens --count 200 --seed 99 --workers 2 \
		--out runs/default/held-out-screens
	$(PYTHON) -m train.evaluate --model runs/default/bundle \
		--real-screens ../shared/data/real-screens --rendered-screens runs/default/held-out-screens \
		--out runs/default/evaluate-screens.json
	rm -rf assets/model
	cp -r runs/default/bundle assets/model

$(RUNTIME_STAMP): pyproject.toml scripts/install_python.sh scripts/setup_system.sh
	bash scripts/setup_system.sh run
	bash scripts/install_python.sh $(VENV)
	touch $@

$(DEV_STAMP): pyproject.toml scripts/install_python.sh scripts/setup_system.sh
	bash scripts/setup_system.sh test
	bash scripts/install_python.sh $(VENV) dev,train
	touch $@ $(RUNTIME_STAMP)

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
