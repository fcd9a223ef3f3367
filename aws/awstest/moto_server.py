"""moto_server for ecsdeck's tests: moto's AWS emulator on a free loopback port,
with two of moto's ECS habits neutralised for aws-sdk-go-v2:

  * moto returns a task's containers[].cpu / memory as JSON numbers where the
    ECS API has strings, and the Go SDK rejects them ("expected string, got
    128"): they are made strings right after Container.__init__;
  * moto moves a task one lifecycle step towards STOPPED on every
    DescribeTasks: the ecs::task state transition is set to manual, so tasks
    stay as they are until stopped.

Prints "listening 127.0.0.1:<port>" once the socket is bound, serves until
its stdin closes (so it never outlives the test that started it), and exits
with status 3 when moto is not installed.
"""
import os
import sys
import threading


def strings_for_container_sizes(ecs_models):
    original = ecs_models.Container.__init__

    def init(self, *args, **kwargs):
        original(self, *args, **kwargs)
        for field in ("cpu", "memory"):
            value = getattr(self, field, None)
            if value is not None and not isinstance(value, str):
                setattr(self, field, str(value))

    ecs_models.Container.__init__ = init


def exit_when_stdin_closes():
    sys.stdin.read()
    os._exit(0)


def main():
    try:
        from moto.ecs import models as ecs_models
        from moto.moto_api import state_manager
        from moto.moto_server.werkzeug_app import DomainDispatcherApplication, create_backend_app
        from werkzeug.serving import make_server
    except ImportError as err:
        print(f"moto is not installed: {err}", file=sys.stderr)
        sys.exit(3)

    strings_for_container_sizes(ecs_models)
    state_manager.set_transition(
        model_name="ecs::task",
        transition={"progression": "manual", "times": 10**9},
    )
    server = make_server("127.0.0.1", 0, DomainDispatcherApplication(create_backend_app), threaded=True)
    port = server.server_address[1]
    os.environ["MOTO_PORT"] = str(port)  # moto builds some URLs from it
    threading.Thread(target=exit_when_stdin_closes, daemon=True).start()
    print(f"listening 127.0.0.1:{port}", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
