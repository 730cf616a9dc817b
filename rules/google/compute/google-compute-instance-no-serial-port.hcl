rule "google-compute-instance-no-serial-port" {
  title     = "Interactive serial console access is enabled"
  severity  = "medium"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["4.5"]
  }
  resources = [
    "google_compute_instance",
    "google_compute_instance_template",
    "google_compute_region_instance_template",
    "google_compute_instance_from_template",
    "google_compute_project_metadata",
    "google_compute_project_metadata_item",
  ]
  aliases = ["CKV_GCP_35", "AVD-GCP-0032", "google-compute-no-serial-port"]

  description = <<-EOT
    The `serial-port-enable` metadata key opens the interactive serial console, which is reachable
    through `ssh-serialport.googleapis.com` from any IP address and is not filtered by VPC firewall
    rules. Anyone holding suitable IAM permissions and an SSH key, or a local password on the guest,
    can then get a console on the VM from anywhere, bypassing the network controls. It is off by
    default; enabling it, per instance or project-wide, is the customer's choice.

    The rule reports `serial-port-enable` set to a true value (`TRUE`, `true`, `1`) in the
    `metadata` map of instances, instance templates and project metadata, and in a
    `google_compute_project_metadata_item` with that key.
  EOT
  remediation = "Remove the `serial-port-enable` metadata key (or set it to `\"FALSE\"`); enable the serial console only temporarily for troubleshooting."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_instance#metadata",
    "https://cloud.google.com/compute/docs/metadata/predefined-metadata-keys",
  ]

  assert {
    any {
      attribute "metadata.serial-port-enable" {
        present = false
      }
      attribute "metadata.serial-port-enable" {
        not_one_of = ["true", "TRUE", "True", "1"]
      }
    }
    not {
      attribute "key" {
        equals = "serial-port-enable"
      }
      attribute "value" {
        one_of = ["true", "TRUE", "True", "1"]
      }
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
          subnetwork = "projects/example-project/regions/europe-west1/subnetworks/app"
        }

        metadata = {  # expect: google-compute-instance-no-serial-port
          serial-port-enable = "TRUE"
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_project_metadata_item" "serial" {
        key   = "serial-port-enable"
        value = "TRUE"  # expect: google-compute-instance-no-serial-port
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

        metadata = {
          enable-oslogin = "TRUE"
        }
      }

      resource "google_compute_project_metadata_item" "oslogin" {
        key   = "enable-oslogin"
        value = "TRUE"
      }
    EOT
  }
}
