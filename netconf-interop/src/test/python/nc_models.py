"""The data the ncclient session edits, per server model (--model).

"probe": the probe-test module loaded into Debian's netconfd (a container with a keyed list).
"sdqkd": sdqkd-network's /network/node list (our agent's models).
Every entry the scripts write has a key derived from a short name and recognisable as test data.
"""

NC = "urn:ietf:params:xml:ns:netconf:base:1.0"


def _op(op):
    return "" if op is None else ' xmlns:nc="%s" nc:operation="%s"' % (NC, op)


class ProbeModel:
    name = "probe"
    ns = "urn:example:probe-test"
    prefix = "pt"
    container = "probe"
    list_name = "node"
    key_leaf = "name"
    text_leaf = "description"
    # a leaf with a default that exists without any edit (netconfd's NACM configuration)
    defaults_ns = "urn:ietf:params:xml:ns:yang:ietf-netconf-acm"
    default_leaf = "enable-nacm"

    def key(self, short):
        return "nc-interop-" + short

    def entry(self, short, text=None, op=None, invalid=False):
        value = "not-a-number" if invalid else "7"
        body = "<name>%s</name><value>%s</value>" % (self.key(short), value)
        if text is not None:
            body += "<description>%s</description>" % text
        return "<node%s>%s</node>" % (_op(op), body)

    def wrap(self, inner, op=None):
        return '<probe xmlns="%s"%s>%s</probe>' % (self.ns, _op(op), inner)

    def key_filter(self, short):
        return '<probe xmlns="%s"><node><name>%s</name></node></probe>' % (self.ns, self.key(short))

    def container_filter(self):
        return '<probe xmlns="%s"/>' % self.ns

    def xpath(self, short):
        return {self.prefix: self.ns}, "/pt:probe/pt:node[pt:name='%s']" % self.key(short)

    def defaults_setup(self, short):
        return None

    def defaults_filter(self, short):
        return '<nacm xmlns="%s"/>' % self.defaults_ns


class SdqkdModel:
    name = "sdqkd"
    ns = "urn:sdqkd:yang:sdqkd-network"
    prefix = "sdqkd-net"
    container = "network"
    list_name = "node"
    key_leaf = "node-id"
    text_leaf = "location"
    defaults_ns = "urn:sdqkd:yang:sdqkd-network"
    default_leaf = "trusted-relay"

    _shorts = {}

    def key(self, short):
        index = self._shorts.setdefault(short, len(self._shorts) + 1)
        return "6e0c1a7e-0000-4000-8000-%012x" % index

    def entry(self, short, text=None, op=None, invalid=False):
        name = "x" * 80 if invalid else "nc-interop-" + short  # name is a string of length 1..64
        body = ("<node-id>%s</node-id><name>%s</name>"
                "<netconf><host>127.0.0.1</host><username>nc-interop</username></netconf>"
                "<kme><kme-id>kme-nc-interop-%s</kme-id><url>https://127.0.0.1:1/%s</url></kme>"
                % (self.key(short), name, short, short))
        if text is not None:
            body += "<location>%s</location>" % text
        return "<node%s>%s</node>" % (_op(op), body)

    def wrap(self, inner, op=None):
        return '<network xmlns="%s"%s>%s</network>' % (self.ns, _op(op), inner)

    def key_filter(self, short):
        return '<network xmlns="%s"><node><node-id>%s</node-id></node></network>' % (self.ns, self.key(short))

    def container_filter(self):
        return '<network xmlns="%s"/>' % self.ns

    def xpath(self, short):
        return ({"n": self.ns},
                "/n:network/n:node[n:node-id='%s']" % self.key(short))

    def defaults_setup(self, short):
        return self.entry(short, "defaults")

    def defaults_filter(self, short):
        return self.key_filter(short)


MODELS = {"probe": ProbeModel, "sdqkd": SdqkdModel}
