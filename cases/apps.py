from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Случаи сопровождения"

    def ready(self):
        from cases import route
        from content.routes import register_graph

        register_graph(
            initial=route.REGISTERED,
            states=route.STATES,
            terminal=route.TERMINAL,
            transitions=route.TRANSITIONS,
        )
