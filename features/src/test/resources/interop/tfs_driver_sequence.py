"""Replays the request sequence of TeraFlowSDN's QKD driver (src/device/service/drivers/qkd/QKDDriver2.py and
Tools2.py) against a node's RESTCONF server in the TeraFlowSDN-compatible mode, with python3-requests as the driver
does (json= bodies, default headers: Accept */*, auth=HTTPBasicAuth(username, password)), and checks each answer
the way the driver reads it. Then a wrong password and no credentials, each of which must be refused with 401.

Usage: tfs_driver_sequence.py ROOT NODE_ID LINK_ID PEER_ID HOP_ID USER PASSWORD
Prints one JSON object summarising what the driver would have parsed; exits non-zero on the first mismatch.
"""
import json
import sys

import requests
from requests.auth import HTTPBasicAuth

ROOT, NODE_ID, LINK_ID, PEER_ID, HOP_ID, USER, PASSWORD = sys.argv[1:8]
AUTH = HTTPBasicAuth(USER, PASSWORD)
NODE_URL = ROOT + '/restconf/data/etsi-qkd-sdn-node:qkd_node'
TIMEOUT = 30


def get(url):
    reply = requests.get(url, timeout=TIMEOUT, verify=False, auth=AUTH, headers={})
    reply.raise_for_status()
    return reply.json()


def post_link(remote_interface, auth=AUTH):
    """create_connectivity_link for a virtual link without a previous hop: virt_prev_hop and virt_bandwidth null."""
    link = {
        'qkdl_id': LINK_ID,
        'qkdl_type': 'etsi-qkd-node-types:VIRT',
        'qkdl_local': {'qkdn_id': NODE_ID, 'qkdi_id': '1'},
        'qkdl_remote': {'qkdn_id': PEER_ID, 'qkdi_id': remote_interface},
        'virt_prev_hop': None,
        'virt_next_hop': [HOP_ID],
        'virt_bandwidth': None,
    }
    reply = requests.post(NODE_URL + '/qkd_links/', json={'qkd_links': {'qkd_link': [link]}}, timeout=TIMEOUT,
                          verify=False, auth=auth, headers={})
    if auth is not AUTH:
        return reply
    reply.raise_for_status()
    if reply.status_code not in {200, 201, 202, 204}:
        raise SystemExit('create_connectivity_link: status %d' % reply.status_code)
    return reply.status_code


summary = {}

# Connect and GetInitialConfig: the node without a trailing slash, read as {"qkd_node": {...}}
initial = get(NODE_URL)
if initial.get('qkd_node', {}).get('qkdn_id') != NODE_ID:
    raise SystemExit('Connect: no qkd_node.qkdn_id in %r' % initial)

# fetch_interfaces: qkd_interfaces wrapped, endpoints from qkdi_att_point device:port
answer = get(NODE_URL + '/qkd_interfaces/')
if isinstance(answer.get('qkd_interfaces'), dict):
    interfaces = answer['qkd_interfaces'].get('qkd_interface', [])
else:
    interfaces = answer.get('qkd_interface', [])
summary['endpoints'] = sorted('%s:%s' % (i['qkdi_att_point']['device'], i['qkdi_att_point']['port'])
                              for i in interfaces
                              if 'device' in i.get('qkdi_att_point', {}) and 'port' in i.get('qkdi_att_point', {}))

# fetch_apps: qkd_applications wrapped
apps = get(NODE_URL + '/qkd_applications/').get('qkd_applications', {}).get('qkd_app', [])
summary['apps'] = sorted(app['app_id'] for app in apps)

# fetch_capabilities: any JSON object (the node has no capabilities configured: an empty container)
capabilities = get(NODE_URL + '/qkdn_capabilities/')
if not isinstance(capabilities, dict):
    raise SystemExit('fetch_capabilities: not an object: %r' % capabilities)
summary['capabilities'] = capabilities

# fetch_node: the node with a trailing slash, unwrapped; the driver drops the four containers
node = get(NODE_URL + '/')
for member in ('qkdn_capabilities', 'qkd_applications', 'qkd_interfaces', 'qkd_links'):
    node.pop(member, None)
if node.get('qkdn_id') != NODE_ID:
    raise SystemExit('fetch_node: no qkdn_id at the top of %r' % node)
summary['node'] = node

# SetConfig of a /link resource: create, then the same qkdl_id again as an update
summary['create'] = post_link('7')
summary['update'] = post_link('8')

links = get(NODE_URL + '/qkd_links/').get('qkd_links', {}).get('qkd_link', [])
mine = [link for link in links if link.get('qkdl_id') == LINK_ID]
if len(mine) != 1:
    raise SystemExit('the link is not there once: %r' % links)
summary['link'] = {
    'type': mine[0].get('qkdl_type'),
    'remote': mine[0]['qkdl_remote'],
    'next_hops': mine[0].get('virt_next_hop'),
    'prev_hop_absent': 'virt_prev_hop' not in mine[0],
}
# the same POST with a wrong password, and a GET without credentials: refused, nothing changed
summary['wrong_password'] = post_link('9', HTTPBasicAuth(USER, PASSWORD + '-wrong')).status_code
anonymous = requests.get(NODE_URL + '/qkd_links/', timeout=TIMEOUT, verify=False, headers={})
summary['no_credentials'] = anonymous.status_code
summary['challenge'] = anonymous.headers.get('WWW-Authenticate', '')
links = get(NODE_URL + '/qkd_links/').get('qkd_links', {}).get('qkd_link', [])
summary['links_after_refusals'] = len(links)
if [link['qkdl_remote']['qkdi_id'] for link in links] != [8]:
    raise SystemExit('a refused POST changed the link: %r' % links)
print(json.dumps(summary, sort_keys=True))
