// A gomaasapi (Debian's golang-github-juju-gomaasapi-dev) client against the region:
// it lists nodes, enlists one with a real libvirt address, then tries a hostile one.
// One JSON line per step on stdout.
package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"

	"github.com/juju/gomaasapi"
)

func out(v map[string]interface{}) {
	b, _ := json.Marshal(v)
	fmt.Println(string(b))
}

func main() {
	client, err := gomaasapi.NewAuthenticatedClient(os.Args[1], os.Args[2])
	if err != nil {
		out(map[string]interface{}{"step": "client", "error": err.Error()})
		os.Exit(1)
	}
	nodes, _ := url.Parse("nodes/")
	body, err := client.Get(nodes, "list", nil)
	if err != nil {
		out(map[string]interface{}{"step": "list", "error": err.Error()})
		os.Exit(1)
	}
	var list []interface{}
	_ = json.Unmarshal(body, &list)
	out(map[string]interface{}{"step": "list", "count": len(list)})

	enlist := func(step, mac, address string) {
		params := url.Values{
			"architecture": {"amd64/generic"}, "mac_addresses": {mac}, "power_type": {"virsh"},
			"power_parameters_power_address": {address}, "power_parameters_power_id": {"vm1"},
		}
		body, err := client.Post(nodes, "new", params, nil)
		if err != nil {
			if se, ok := gomaasapi.GetServerError(err); ok {
				out(map[string]interface{}{"step": step, "status": se.StatusCode, "body": se.BodyMessage})
				return
			}
			out(map[string]interface{}{"step": step, "error": err.Error()})
			return
		}
		var node map[string]interface{}
		_ = json.Unmarshal(body, &node)
		out(map[string]interface{}{"step": step, "status": 200, "system_id": node["system_id"]})
	}
	enlist("good", "52:54:00:ee:00:01", "qemu+ssh://user@host/system")
	enlist("hostile", "52:54:00:ee:00:02", "qemu+ext:///system?command="+os.Args[3])
}
