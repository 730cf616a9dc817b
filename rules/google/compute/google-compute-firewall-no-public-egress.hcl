rule "google-compute-firewall-no-public-egress" {
  title     = "Firewall allows egress to any internet address"
  severity  = "medium"
  area      = "configuration-posture"
  resources = [
    "google_compute_firewall",
  ]
  aliases   = ["AVD-GCP-0035", "google-compute-no-public-egress"]

  description = <<-EOT
    An egress allow rule to `0.0.0.0/0` or `::/0` lets the targeted instances send data anywhere,
     which is what malware needs to reach its command server and to exfiltrate data. Restricting
     egress to the destinations workloads need is a defence-in-depth measure the customer configures;
     severity is medium.

     Only rules with `direction = "EGRESS"` and an `allow` block are checked. Note that a VPC's
     implied egress rule allows all egress unless a deny rule overrides it.

    A rule with `disabled = true` is not enforced, so it is not reported.
  EOT
  remediation = "Restrict `destination_ranges` to the ranges the workloads must reach, and add a low-priority egress deny rule."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_firewall#destination_ranges",
    "https://cloud.google.com/firewall/docs/firewalls#egress-rules",
  ]

  when {
    attribute "disabled" {
      not_equals = true
      default    = false
    }
    attribute "direction" {
      equals = "EGRESS"
    }
    attribute "allow" {
      present = true
    }
  }

  assert {
    attribute "destination_ranges" {
      not_contains = "0.0.0.0/0"
      default      = []
    }
    attribute "destination_ranges" {
      not_contains = "::/0"
      default      = []
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_firewall" "rule" {
        name    = "rule"
        network = "prod"
        direction          = "EGRESS"
        destination_ranges = ["0.0.0.0/0"]  # expect: google-compute-firewall-no-public-egress

        allow {
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
        destination_ranges = ["10.20.0.0/16"]

        allow {
          protocol = "tcp"
          ports    = ["443"]
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
        destination_ranges = ["0.0.0.0/0"]

        deny {
          protocol = "all"
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
        direction = "EGRESS"
        destination_ranges = ["0.0.0.0/0"]

        allow {
          protocol = "all"
        }
      }
    EOT
  }
}
