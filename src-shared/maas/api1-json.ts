// JSON shapes of MAAS API 1.0 as the embedded region serves them (MAAS 1.8
// DISPLAYED_NODE_FIELDS and friends). Clients should treat unknown fields as optional.

export interface Api1Zone {
  name: string;
  description: string;
  resource_uri: string;
}

export interface Api1Node {
  system_id: string;
  hostname: string;
  owner: string | null;
  macaddress_set: { mac_address: string }[];
  architecture: string;
  cpu_count: number;
  memory: number;
  storage: number;
  /** API 1.0 legacy status: 6 stands for 6 and 9–15 (see api1-status.ts). */
  status: number;
  /** The real status (0–15, later 0–22). */
  substatus: number;
  substatus_name: string;
  osystem: string;
  distro_series: string;
  netboot: boolean;
  power_type: string;
  power_state: 'on' | 'off' | 'unknown' | 'error';
  tag_names: string[];
  ip_addresses: string[];
  routers: string[];
  zone: Api1Zone | null;
  disable_ipv4: boolean;
  boot_type: string;
  swap_size: number | null;
  pxe_mac: { mac_address: string } | null;
  agent_name: string;
  error_description: string;
  resource_uri: string;
}

export interface Api1Device {
  system_id: string;
  hostname: string;
  owner: string | null;
  macaddress_set: { mac_address: string }[];
  parent: string | null;
  tag_names: string[];
  ip_addresses: string[];
  zone: Api1Zone | null;
  resource_uri: string;
}

export interface Api1Tag {
  name: string;
  definition: string;
  comment: string;
  kernel_opts: string;
  resource_uri: string;
}

export interface Api1Event {
  id: number;
  /** system_id of the node. */
  node: string;
  hostname: string;
  /** DEBUG, INFO, WARNING, ERROR, CRITICAL (AUDIT in later releases). */
  level: string;
  /** Formatted as MAAS did: '%a, %d %b. %Y %H:%M:%S' (UTC). */
  created: string;
  /** The event type's description, e.g. "Node changed status". */
  type: string;
  description: string;
}

export interface Api1EventPage {
  count: number;
  events: Api1Event[];
  next_uri: string | null;
  prev_uri: string | null;
}

export interface Api1User {
  username: string;
  email: string;
  is_superuser: boolean;
}

export interface Api1Nodegroup {
  uuid: string;
  status: number;
  name: string;
  cluster_name: string;
}

export interface Api1Token {
  consumer_key: string;
  token_key: string;
  token_secret: string;
}
