rule "google-workbench-instance-no-public-ip" {
  title     = "Vertex AI Workbench instance has a public IP address"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_workbench_instance"]
  aliases   = ["CKV2_GCP_28"]

  description = <<-EOT
    A Workbench instance is a VM with JupyterLab, notebooks, training data and the instance service
    account's credentials on it. An external IP address makes the VM reachable from the internet
    on whatever its firewall rules allow and lets code in a notebook send data out directly,
    bypassing Cloud NAT and VPC Service Controls. Whether the VM gets a public address is the
    customer's setting; severity is medium.

    The provider's `gce_setup.disable_public_ip` defaults to `false` (the VM gets an external
    address), so an instance without it, or with `false`, is reported.
  EOT
  remediation = "Set `gce_setup { disable_public_ip = true }`, attach the instance to a subnet with Private Google Access and reach JupyterLab through the Workbench proxy."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/workbench_instance#disable_public_ip",
    "https://cloud.google.com/vertex-ai/docs/workbench/instances/create",
  ]

  assert {
    attribute "gce_setup.disable_public_ip" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_workbench_instance" "lab" {  # expect: google-workbench-instance-no-public-ip
        name     = "lab"
        location = "europe-west1-b"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_workbench_instance" "lab" {
        name     = "lab"
        location = "europe-west1-b"

        gce_setup {
          machine_type      = "e2-standard-4"
          disable_public_ip = false  # expect: google-workbench-instance-no-public-ip
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_workbench_instance" "lab" {
        name     = "lab"
        location = "europe-west1-b"

        gce_setup {
          machine_type      = "e2-standard-4"
          disable_public_ip = true
        }
      }
    EOT
  }
}
