rule "google-iam-project-no-default-network" {
  title     = "Project is created with the default network"
  severity  = "high"
  area      = "configuration-posture"
  compliance = {
    "cis-gcp-2.0" = ["3.1"]
  }
  resources = [
    "google_project",
  ]
  aliases   = ["CKV_GCP_27", "AVD-GCP-0010", "google-iam-no-default-network"]

  description = <<-EOT
    A new project gets a `default` VPC with a subnet in every region and firewall rules that allow
     SSH, RDP and ICMP from anywhere and all traffic inside the network. Instances dropped into it are
     exposed before anyone designs the network. Severity is high because of those open rules. Whether
     to create it is the customer's choice.

     `auto_create_network` defaults to `true`, so it must be set to `false`.
  EOT
  remediation = "Set `auto_create_network = false` and create a purpose-built VPC with explicit firewall rules."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/google_project#auto_create_network",
    "https://cloud.google.com/vpc/docs/vpc#default-network",
  ]

  assert {
    attribute "auto_create_network" {
      equals = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_project" "app" {  # expect: google-iam-project-no-default-network
        name       = "app"
        project_id = "example-app"
        org_id     = "123456789012"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_project" "app" {
        name                = "app"
        project_id          = "example-app"
        org_id              = "123456789012"
        auto_create_network = true  # expect: google-iam-project-no-default-network
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_project" "app" {
        name                = "app"
        project_id          = "example-app"
        org_id              = "123456789012"
        auto_create_network = false
      }
    EOT
  }
}
