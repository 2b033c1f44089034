# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed

.PHONY: run test bench pdf-gallery clean

$(PY):
	$(PYTHON) -m venv $(VENV)

$(STAMP): pyproject.toml | $(PY)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(PY) main.py resources/samples/retail-purchase.journey

test: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest

bench: $(STAMP)
	WAYFINDER_BENCH=1 QT_QPA_PLATFORM=offscreen $(PY) -m pytest tests/benchmarks -p no:benchmark \
		-o addopts='-q --import-mode=importlib'

# The golden set of PDFs (samples, 40 stages, RTL, CJK, emoji, empty, 2,000 touchpoints, a poster)
# rendered to PNG in build/pdf-gallery, with page counts, export times and page fill in index.md.
pdf-gallery: $(STAMP)
	$(PY) -m tests.tools.pdf_gallery build/pdf-gallery

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .hypothesis .benchmarks
