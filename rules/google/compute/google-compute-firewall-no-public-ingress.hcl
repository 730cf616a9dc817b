rule "google-compute-firewall-no-public-ingress" {
  title     = "Firewall allows ingress from any internet address"
  severity  = "high"
  area      = "configuration-posture"
  resources = [
    "google_compute_firewall",
  ]
  aliases   = ["AVD-GCP-0027", "google-compute-no-public-ingress"]

  description = <<-EOT
    An ingress allow rule with source range `0.0.0.0/0` or `::/0` accepts traffic from the whole
     internet on the ports it names, to every instance it targets. Internet exposure should go through
     a load balancer or be limited to known ranges. Firewall rules are the customer's side of IaaS;
     severity is high because it exposes instances directly.

     `direction` defaults to `INGRESS`. Deny rules are not reported. Specific administrative ports are
     also checked by `google-compute-firewall-no-public-ssh` and `google-compute-firewall-no-public-rdp`.

    A rule with `disabled = true` is not enforced, so it is not reported.
  EOT
  remediation = "Restrict `source_ranges` to the addresses that need access, or put the service behind a load balancer and allow only Google's health-check and proxy ranges."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#source_ranges",
    "https://cloud.google.com/firewall/docs/firewalls",
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
    attribute "allow" {
      present = true
    }
  }

  assert {
    attribute "source_ranges" {
      not_contains = "0.0.0.0/0"
      default      = []
    }
    attribute "source_ranges" {
      not_contains = "::/0"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-ingress

        allow {
          protocol = "tcp"
          ports    = ["8080"]
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
          ports    = ["8080"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        source_ranges = ["0.0.0.0/0"]

        deny {
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
        direction          = "EGRESS"
        destination_ranges = ["10.0.0.0/8"]

        allow {
          protocol = "tcp"
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
