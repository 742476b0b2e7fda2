"""JupyterHub configuration for a workshop hub: what ``workbook hub`` decided, applied.

``workbook hub`` writes ``<hub>/state/settings.json`` and starts JupyterHub with this file;
edit the command's options (``workbook hub --help``), not this file, to change a setting.
"""

import os
import sys

from workbook.workshop.folder import USERNAME_PATTERN, HubFolder

c = get_config()  # noqa: F821 (provided by traitlets when the file is loaded)
hub = HubFolder(os.environ["WORKBOOK_HUB_FOLDER"])
settings = hub.settings()
teacher = settings["teacher"]

c.JupyterHub.bind_url = f"http://{settings['ip']}:{settings['port']}"
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings["hub_port"]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings['proxy_api_port']}"
c.ConfigurableHTTPProxy.auth_token = hub.secret("proxy-token")
c.JupyterHub.db_url = f"sqlite:///{hub.state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(hub.state / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(hub.state / "jupyterhub.pid")
c.JupyterHub.cleanup_servers = True  # Ctrl+C stops every participant's server too

auth = settings["auth"]
if auth == "shared":
    # jupyterhub's own: one password for the room, a longer one for the teacher (an admin).
    c.JupyterHub.authenticator_class = "shared-password"
    c.SharedPasswordAuthenticator.user_password = settings["password"]
    c.SharedPasswordAuthenticator.admin_password = settings["teacher_password"]
elif auth == "first-use":
    c.JupyterHub.authenticator_class = "firstuseauthenticator.FirstUseAuthenticator"
    c.FirstUseAuthenticator.create_users = True
    c.FirstUseAuthenticator.dbm_path = str(hub.state / "passwords.dbm")
else:  # dummy: any password, for trials on your own machine
    c.JupyterHub.authenticator_class = "dummy"
c.Authenticator.allow_all = True
c.Authenticator.admin_users = {teacher}
c.Authenticator.username_pattern = USERNAME_PATTERN

c.JupyterHub.spawner_class = "workbook.workshop.spawner.WorkshopSpawner"
c.WorkshopSpawner.hub_folder = str(hub.root)
c.WorkshopSpawner.home_dir_template = str(hub.homes / "{username}")
c.WorkshopSpawner.teacher = teacher
c.WorkshopSpawner.prefetch = settings["prefetch"]
c.Spawner.cmd = [sys.executable, "-m", "jupyterhub.singleuser"]
c.Spawner.default_url = "/lab"
c.Spawner.start_timeout = 120  # a busy two-core laptop
c.Spawner.http_timeout = 120

# The live view: a service only the teacher (an admin) may open, at /services/room/; only
# where the sandbox works, since it runs participants' notebooks.
if not settings["room_problem"]:
    c.JupyterHub.services = [
        {
            "name": "room",
            "url": f"http://127.0.0.1:{settings['room_port']}",
            "command": [
                sys.executable,
                "-m",
                "workbook.cli",
                "room",
                "--hub-folder",
                str(hub.root),
                "--port",
                str(settings["room_port"]),
                "--every",
                str(settings["room_every"]),
            ],
            "oauth_no_confirm": True,
            "display": True,
        }
    ]
