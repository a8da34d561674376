from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = "Случаи сопровождения"

    def ready(self):
        # The graph is read from the Case model's transitions, so it is built once models load.
        from cases import route_graph
        from content.route_graph import register_graph

        register_graph(
            initial=route_graph.REGISTERED,
            states=route_graph.STATES,
            terminal=route_graph.TERMINAL,
            transitions=route_graph.TRANSITIONS,
        )
