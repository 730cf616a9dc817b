rule "google-compute-firewall-no-all-protocols" {
  title     = "Firewall allows every protocol and port"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "google_compute_firewall",
  ]
  aliases   = ["AVD-GCP-0072", "google-compute-disable-allow-all-ports"]

  description = <<-EOT
    An `allow` block with `protocol = "all"` opens every protocol and port between the sources and
     the targets, so any service that happens to listen, including debug and admin endpoints, is
     reachable. Rules should name the protocols and ports the workload serves. Firewall rules are the
     customer's side of IaaS; severity is medium because the sources may still be limited.
  EOT
  remediation = "Replace `protocol = \"all\"` with allow blocks for the specific protocols and `ports` the service needs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#protocol",
    "https://cloud.google.com/firewall/docs/firewalls#protocols_and_ports",
  ]

  assert {
    none "allow" {
      attribute "protocol" {
        one_of = ["all"]
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {  # expect: google-compute-firewall-no-all-protocols
          protocol = "all"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "tcp"
          ports    = ["443"]
        }
      }
    EOT
  }
}
