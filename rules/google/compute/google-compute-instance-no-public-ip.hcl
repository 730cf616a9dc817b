rule "google-compute-instance-no-public-ip" {
  title     = "Compute instance has an external IP address"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["4.9"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
    "google_compute_instance_from_template",
  ]
  aliases = ["CKV_GCP_40", "AVD-GCP-0031", "google-compute-no-public-ip"]

  description = <<-EOT
    An `access_config` block in a `network_interface` gives the instance an external IPv4 address
    (an `ipv6_access_config` an external IPv6 one). Every service on the VM is then directly
    addressable from the internet, and only firewall rules protect it; one permissive rule exposes it.
    Instances without external addresses reach the internet through Cloud NAT and are administered
    through IAP, which keeps the attack surface small. Network placement is the customer's side of
    IaaS.
  EOT
  remediation = "Remove the `access_config` / `ipv6_access_config` blocks, give outbound access through Cloud NAT, publish services through a load balancer and administer the VM through IAP TCP forwarding."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#access_config",
    "https://cloud.google.com/compute/docs/ip-addresses#externaladdresses",
  ]

  assert {
    attribute "network_interface.access_config" {
      present = false
    }
    attribute "network_interface.ipv6_access_config" {
      present = false
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

        network_interface {  # expect: google-compute-instance-no-public-ip
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"

          access_config {}
        }
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
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }
      }
    EOT
  }
}
