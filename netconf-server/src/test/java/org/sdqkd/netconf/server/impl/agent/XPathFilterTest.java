package org.sdqkd.netconf.server.impl.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XPathFilterTest {
    @Test
    void unprefixedNamesMatchAnyNamespace() {
        assertEquals("/*[local-name()='netconf-state']/*[local-name()='sessions']",
            XPathFilter.anyNamespace("/netconf-state/sessions"));
        assertEquals("/*[local-name()='a']/*[local-name()='b'][*[local-name()='c']='x and y' and "
                + "count(*[local-name()='d']) > 2 * 3]",
            XPathFilter.anyNamespace("/a/b[c='x and y' and count(d) > 2 * 3]"));
        assertEquals("child::*[local-name()='a']/@name", XPathFilter.anyNamespace("child::a/@name"));
    }

    @Test
    void prefixedNamesAndOtherTokensAreKept() {
        assertEquals("/m:netconf-state/m:sessions/m:session[m:session-id=$id]",
            XPathFilter.anyNamespace("/m:netconf-state/m:sessions/m:session[m:session-id=$id]"));
        assertEquals("/m:*/text()", XPathFilter.anyNamespace("/m:*/text()"));
        assertEquals("//*", XPathFilter.anyNamespace("//*"));
    }
}
