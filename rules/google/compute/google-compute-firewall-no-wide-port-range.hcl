rule "google-compute-firewall-no-wide-port-range" {
  title     = "Firewall allows a wide range of ports"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_compute_firewall",
  ]
  aliases   = ["AVD-GCP-0074", "google-compute-disable-port-range-rule"]

  description = <<-EOT
    A port range in an `allow` block (`ports = ["8000-8100"]`) opens every port in it, whether or
    not a service is meant to listen there: a debug server, an admin console or a forgotten test
    process on one of those ports becomes reachable from the rule's sources. Naming the ports the
    workload serves keeps the rule reviewable and the exposure to what was intended. Firewall rules
    are the customer's side of IaaS; severity is low because the sources may be narrow.

    The rule reports each element of `allow.ports` that is a range of more than 30 ports (both ends
    counted: `8000-8030` is 31 ports), and points at it. Ranges covering every port (`0-65535`,
    `1-65535`) are reported by `google-compute-firewall-no-all-ports` instead. `deny` blocks are not
    checked: a wide denied range narrows what is reachable.
  EOT
  remediation = "List the specific ports the service listens on (`ports = [\"8080\", \"8443\"]`), or split the range into the few narrow ranges that are needed."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#ports",
    "https://cloud.google.com/firewall/docs/firewalls#protocols_and_ports",
  ]

  assert {
    each "allow" {
      each "ports" {
        any {
          value {
            port_count_lte = 30
          }
          value {
            one_of = ["0-65535", "1-65535"]
          }
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "app" {
        name          = "app"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "tcp"
          ports    = ["443", "9000-9100"]  # expect: google-compute-firewall-no-wide-port-range
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "batch" {
        name          = "batch"
        network       = "prod"
        source_ranges = ["10.20.0.0/16"]

        allow {
          protocol = "udp"
          ports = [
            "53",
            "30000-30100",  # expect: google-compute-firewall-no-wide-port-range
          ]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "app" {
        name          = "app"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "tcp"
          ports    = ["80", "443", "8000-8010"]
        }

        deny {
          protocol = "tcp"
          ports    = ["1-1000"]
        }
      }
    EOT
  }
}
