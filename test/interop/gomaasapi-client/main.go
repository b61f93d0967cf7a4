// An independent MAAS 1.0 client from MAAS's era: Juju's gomaasapi (Debian's
// golang-github-juju-gomaasapi-dev, built in GOPATH mode). It enlists and reads a node, lists
// nodes, reads version/ and describe/, and meets two refusals: an invalid form (MAAS's JSON
// {"field": ["message"]}, parsed as JSON here) and a plain-text 400.
//
// Usage: gomaasapi-client API_URL API_KEY   (API_URL ends in /api/1.0/). Prints one JSON line.
package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"os"

	"github.com/juju/gomaasapi"
)

func main() {
	client, err := gomaasapi.NewAuthenticatedClient(os.Args[1], os.Args[2])
	check(err)
	maas := gomaasapi.NewMAAS(*client)
	seen := map[string]interface{}{}

	version, err := client.Get(maas.GetSubObject("version/").URI(), "", nil)
	check(err)
	var v struct{ Capabilities []string }
	check(json.Unmarshal(version, &v))
	seen["capabilities"] = v.Capabilities

	nodes := maas.GetSubObject("nodes")
	made, err := nodes.CallPost("new", url.Values{"architecture": {"amd64/generic"}, "mac_addresses": {"52:54:00:0e:0f:01"}, "hostname": {"go-client"}})
	check(err)
	node, err := made.GetMAASObject()
	check(err)
	sid, err := node.GetField("system_id")
	check(err)
	read, err := nodes.GetSubObject(sid).Get()
	check(err)
	hostname, err := read.GetField("hostname")
	check(err)
	seen["hostname"] = hostname
	listed, err := nodes.CallGet("list", nil)
	check(err)
	all, err := listed.GetArray()
	check(err)
	seen["listed"] = len(all)

	_, err = maas.GetSubObject("networks").Post(url.Values{"name": {"n"}, "ip": {"10.0.0.0"}, "netmask": {"0.0.0.0"}})
	serverErr, ok := gomaasapi.GetServerError(err)
	if !ok {
		panic(fmt.Sprintf("expected a server error, got %v", err))
	}
	var fields map[string][]string
	check(json.Unmarshal([]byte(serverErr.BodyMessage), &fields))
	seen["form_error"] = []interface{}{serverErr.StatusCode, serverErr.Header.Get("Content-Type"), fields}

	_, err = maas.GetSubObject("ipaddresses").CallPost("reserve", url.Values{})
	plain, ok := gomaasapi.GetServerError(err)
	if !ok {
		panic(fmt.Sprintf("expected a server error, got %v", err))
	}
	seen["reserve_error"] = []interface{}{plain.StatusCode, plain.BodyMessage}

	describe, err := client.Get(maas.GetSubObject("describe/").URI(), "", nil)
	check(err)
	var d struct{ Resources []struct{ Name string } }
	check(json.Unmarshal(describe, &d))
	names := []string{}
	for _, r := range d.Resources {
		if r.Name == "NodeResultsHandler" || r.Name == "NodesHandler" {
			names = append(names, r.Name)
		}
	}
	seen["described"] = names

	out, err := json.Marshal(seen)
	check(err)
	fmt.Println(string(out))
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
