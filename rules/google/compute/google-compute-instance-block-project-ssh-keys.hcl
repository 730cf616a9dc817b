rule "google-compute-instance-block-project-ssh-keys" {
  title     = "Compute instance accepts project-wide SSH keys"
  severity  = "medium"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["4.3"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
  ]
  aliases   = ["CKV_GCP_32", "AVD-GCP-0030", "google-compute-no-project-wide-ssh-keys"]

  description = <<-EOT
    Project-wide SSH keys in project metadata grant their holders login on every instance of the
     project that does not block them. One leaked or forgotten key then opens all machines. Blocking
     project keys per instance (or using OS Login) limits keys to the instances they are meant for.
     Guest access is the customer's side of IaaS.

     The instance must set `metadata = { block-project-ssh-keys = true }`; absent means project keys
     are accepted.
  EOT
  remediation = "Add `block-project-ssh-keys = true` to the instance's `metadata`, and prefer OS Login."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata",
    "https://cloud.google.com/compute/docs/connect/restrict-ssh-keys#block-keys",
  ]

  assert {
    attribute "metadata.block-project-ssh-keys" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_instance" "app" {  # expect: google-compute-instance-block-project-ssh-keys
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

        metadata = {  # expect: google-compute-instance-block-project-ssh-keys
          block-project-ssh-keys = false
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
          subnetwork = "app"
        }

        metadata = {
          block-project-ssh-keys = true
        }
      }
    EOT
  }
}
