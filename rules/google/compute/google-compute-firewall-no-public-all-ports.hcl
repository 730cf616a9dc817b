rule "google-compute-firewall-no-public-all-ports" {
  title     = "Firewall allows every port from the internet"
  severity  = "critical"
  area      = "configuration-posture"
  resources = ["google_compute_firewall"]
  aliases   = ["CKV2_GCP_12"]

  description = <<-EOT
    An ingress allow rule with source range `0.0.0.0/0` or `::/0` and `protocol = "all"` (or a TCP,
    UDP or SCTP block without `ports`, or a range covering every port) exposes every service on
    the targeted instances to the whole internet: SSH, RDP, database ports, admin consoles
    and whatever a developer starts for a test. Severity is critical because it is
    direct public exposure of administrative access. Firewall rules are the customer's side of
    IaaS.

    `direction` defaults to `INGRESS`. Deny rules and rules with `disabled = true` are not
    reported. Narrower exposure is reported by `google-compute-firewall-no-public-ingress` (any
    port from the internet) and `google-compute-firewall-no-all-ports` (every port from any
    source).
  EOT
  remediation = "Allow only the protocols and `ports` the service needs, and limit `source_ranges` to known client ranges or put the service behind a load balancer."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#protocol",
    "https://cloud.google.com/firewall/docs/firewalls#protocols_and_ports",
  ]

  when {
    attribute "disabled" {
      not_equals = true
      default    = false
    }
    attribute "direction" {
      equals  = "INGRESS"
      default = "INGRESS"
    }
    any {
      attribute "source_ranges" {
        contains = "0.0.0.0/0"
      }
      attribute "source_ranges" {
        contains = "::/0"
      }
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
      resource "google_compute_firewall" "open" {
        name          = "open"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "all"  # expect: google-compute-firewall-no-public-all-ports
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "sources" {
        default = ["203.0.113.0/24", "::/0"]
      }

      resource "google_compute_firewall" "open" {
        name          = "open"
        network       = "prod"
        direction     = "INGRESS"
        source_ranges = var.sources

        allow {
          protocol = "tcp"
          ports    = ["443"]
        }

        allow {
          protocol = "udp"  # expect: google-compute-firewall-no-public-all-ports
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "open" {
        name          = "open"
        network       = "prod"
        source_ranges = ["10.0.0.0/8", "0.0.0.0/0"]

        allow {
          protocol = "tcp"
          ports    = ["0-65535"]  # expect: google-compute-firewall-no-public-all-ports
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "web" {
        name          = "web"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "tcp"
          ports    = ["80", "443"]
        }
      }

      resource "google_compute_firewall" "internal" {
        name          = "internal"
        network       = "prod"
        source_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "all"
        }
      }

      resource "google_compute_firewall" "block_all" {
        name          = "block-all"
        network       = "prod"
        source_ranges = ["0.0.0.0/0"]

        deny {
          protocol = "all"
        }
      }

      resource "google_compute_firewall" "switched_off" {
        name          = "switched-off"
        network       = "prod"
        disabled      = true
        source_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "all"
        }
      }

      resource "google_compute_firewall" "egress" {
        name               = "egress"
        network            = "prod"
        direction          = "EGRESS"
        destination_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "all"
        }
      }
    EOT
  }
}
