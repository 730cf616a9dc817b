rule "google-compute-firewall-no-all-ports" {
  title     = "Firewall allows every port"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "google_compute_firewall",
  ]
  aliases   = ["AVD-GCP-0072", "google-compute-disable-allow-all-ports"]

  description = <<-EOT
    An `allow` block with `protocol = "all"`, a TCP, UDP or SCTP block without `ports`, or a port
     range covering every port (`0-65535`, `1-65535`) opens every port between the sources and the
     targets, so any service that happens to listen, including debug and admin endpoints, is
     reachable. Rules should name the ports the workload serves. Firewall rules are the customer's
     side of IaaS; severity is medium because the sources may still be limited.

    A rule with `disabled = true` is not enforced, so it is not reported.
  EOT
  remediation = "Replace the block with allow blocks listing the specific protocols and `ports` the service needs."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#protocol",
    "https://cloud.google.com/firewall/docs/firewalls#protocols_and_ports",
  ]

  when {
    attribute "disabled" {
      not_equals = true
      default    = false
    }
  }
  assert {
    none "allow" {
      any {
        attribute "protocol" {
          equals = "all"
        }
        all {
          attribute "protocol" {
            one_of = ["tcp", "udp", "sctp", "6", "17", "132"]
          }
          attribute "ports" {
            present = false
          }
        }
        attribute "ports" {
          contains = "0-65535"
        }
        attribute "ports" {
          contains = "1-65535"
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "all"  # expect: google-compute-firewall-no-all-ports
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "tcp"  # expect: google-compute-firewall-no-all-ports
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "udp"
          ports    = ["0-65535"]  # expect: google-compute-firewall-no-all-ports
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

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "switched_off" {
        name     = "switched-off"
        network  = "prod"
        disabled = true
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "all"
        }
      }
    EOT
  }
}
