rule "google-compute-instance-no-ip-forwarding" {
  title     = "Compute instance can forward packets for other addresses"
  severity  = "high"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["4.6"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
  ]
  aliases   = ["CKV_GCP_36", "AVD-GCP-0043", "google-compute-no-ip-forwarding"]

  description = <<-EOT
    With `can_ip_forward = true` the instance may send and receive packets whose source or
     destination is not its own address. A compromised instance can then route, spoof or intercept
     traffic for other hosts in the VPC. Only NAT gateways and network appliances need it. The
     network configuration is the customer's side of IaaS; severity is high because it enables
     traffic interception.

     `can_ip_forward` defaults to `false`, so only an explicit `true` is reported.
  EOT
  remediation = "Remove `can_ip_forward = true` unless the instance is a router or network appliance (then suppress the finding with a reason)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#can_ip_forward",
    "https://cloud.google.com/vpc/docs/using-routes#canipforward",
  ]

  assert {
    attribute "can_ip_forward" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "app"
        }

        can_ip_forward = true  # expect: google-compute-instance-no-ip-forwarding
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "app"
        }

        can_ip_forward = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_instance" "app" {
        name         = "app-1"
        machine_type = "e2-standard-2"
        zone         = "europe-west1-b"

        boot_disk {
          initialize_params {
            image = "debian-cloud/debian-12"
          }
        }

        network_interface {
          subnetwork = "app"
        }

      }
    EOT
  }
}
