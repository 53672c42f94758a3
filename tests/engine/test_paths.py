import logging

from engine import paths


def test_directories_follow_the_platform_and_exist(private_home):
    for folder in (paths.config_dir(), paths.data_dir(), paths.cache_dir(), paths.log_dir(),
                   paths.user_models_dir(), paths.history_dir()):
        assert folder.is_dir() and private_home in folder.parents


def test_log_file_rotates(private_home):
    log_file = paths.setup_logging("test-run")
    try:
        logging.getLogger("lookaloud.test").info("hello")
        handler = logging.getLogger().handlers[-1]
        handler.flush()
        assert "hello" in log_file.read_text() and handler.maxBytes > 0
    finally:
        root = logging.getLogger()
        root.removeHandler(root.handlers[-1])
