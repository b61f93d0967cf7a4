// The benchmark reference for the embedded region: Juju's in-memory fake MAAS, gomaasapi's
// NewTestServer("1.0") from Debian's golang-github-juju-gomaasapi-dev, built in GOPATH mode
// from /usr/share/gocode. The fake has no anonymous enlistment (nodes op=new), so this adds
// one in the fake's own way (its devices op=new: parse the form, NewNode, answer the node).
//
// Usage: gomaasapi-fake [-seed nodes.json]   (a JSON array of node objects, each with a
// system_id). Prints the fake's base URL on one line; exits when stdin closes.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"sync"

	"github.com/juju/gomaasapi"
)

func main() {
	seed := flag.String("seed", "", "JSON array of nodes to add before serving")
	flag.Parse()
	server := gomaasapi.NewTestServer("1.0")
	if *seed != "" {
		text, err := os.ReadFile(*seed)
		check(err)
		var nodes []json.RawMessage
		check(json.Unmarshal(text, &nodes))
		for _, n := range nodes {
			server.NewNode(string(n))
		}
	}
	fake := server.Server.Config.Handler
	var mu sync.Mutex
	serial := 0
	server.Server.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != "POST" || r.URL.Path != "/api/1.0/nodes/" || r.URL.Query().Get("op") != "new" {
			fake.ServeHTTP(w, r)
			return
		}
		if err := r.ParseMultipartForm(1 << 20); err != nil && err != http.ErrNotMultipart {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		macs := []map[string]string{}
		for _, m := range r.Form["mac_addresses"] {
			macs = append(macs, map[string]string{"mac_address": m})
		}
		mu.Lock()
		defer mu.Unlock()
		serial++
		id := fmt.Sprintf("node-%08d", serial)
		hostname := r.Form.Get("hostname")
		if hostname == "" {
			hostname = id + ".maas"
		}
		attrs := map[string]interface{}{
			"system_id": id, "hostname": hostname, "architecture": r.Form.Get("architecture"),
			"macaddress_set": macs, "status": 0, "substatus": 0, "substatus_name": "New",
		}
		text, err := json.Marshal(attrs)
		check(err)
		node := server.NewNode(string(text))
		out, err := json.Marshal(node.GetMap())
		check(err)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusOK)
		w.Write(out)
	})
	fmt.Println(server.URL)
	io.Copy(io.Discard, os.Stdin)
	server.Close()
}

func check(err error) {
	if err != nil {
		panic(err)
	}
}
