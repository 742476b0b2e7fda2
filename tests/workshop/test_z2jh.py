"""The Zero to JupyterHub values and image for a workshop beyond one machine."""

import ast

import yaml
from workbook.paths import GRADING_DIR

DEPLOY = GRADING_DIR / "workshop-deploy"


def values():
    return yaml.safe_load((DEPLOY / "values.yaml").read_text())


def test_values_log_in_the_room_and_make_the_teacher_an_admin():
    config = values()["hub"]["config"]
    assert config["JupyterHub"]["authenticator_class"] == "shared-password"
    assert config["Authenticator"]["admin_users"] == ["teacher"]
    assert set(config["SharedPasswordAuthenticator"]) == {"user_password", "admin_password"}


def test_every_server_shares_the_exchange_volume_nbgrader_is_told_about():
    singleuser = values()["singleuser"]
    mounts = {m["name"]: m["mountPath"] for m in singleuser["storage"]["extraVolumeMounts"]}
    claims = {v["name"]: v["persistentVolumeClaim"] for v in singleuser["storage"]["extraVolumes"]}
    assert claims["exchange"]["claimName"] == "workbook-exchange"
    nbgrader = singleuser["extraFiles"]["nbgrader-config"]["stringData"]
    assert f'c.Exchange.root = "{mounts["exchange"]}"' in nbgrader
    assert singleuser["defaultUrl"] == "/lab"


def test_the_python_in_the_values_is_valid_and_gives_the_workbook_kernel():
    found = values()
    sources = [found["hub"]["extraConfig"]["workbook-teacher"]]
    sources += [f["stringData"] for f in found["singleuser"]["extraFiles"].values()]
    for source in sources:
        ast.parse(source)
    assert '"django-workbook"' in found["singleuser"]["extraFiles"]["server-config"]["stringData"]


def test_the_image_installs_the_project_with_its_workshop_extra_and_kernel():
    dockerfile = (DEPLOY / "Dockerfile").read_text()
    assert '".[workshop]"' in dockerfile and "python -m workbench.kernelspec" in dockerfile
    image = values()["singleuser"]["image"]["name"]
    assert image in dockerfile  # the build command names the image the values use
