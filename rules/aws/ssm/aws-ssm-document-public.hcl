rule "aws-ssm-document-public" {
  title     = "SSM document is shared publicly"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_ssm_document"]

  description = <<-EOT
    An SSM document with `permissions = { type = "Share", account_ids = "All" }` is public: any AWS
    account can read and run it. Automation and command documents often reveal internal host names,
    bucket names, parameter paths and sometimes embedded credentials, and a public document can be
    discovered by anyone listing shared documents. Sharing is the customer's access control under
    the shared responsibility model. High: it exposes internal operational content publicly.
  EOT
  remediation = "Share the document with the specific account IDs that need it (`account_ids = \"111122223333,444455556666\"`), or remove `permissions`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ssm_document#permissions",
    "https://docs.aws.amazon.com/systems-manager/latest/userguide/documents-ssm-sharing.html",
  ]

  assert {
    attribute "permissions.account_ids" {
      not_matches = "(?i)(^|,)\\s*all\\s*(,|$)"
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_ssm_document" "patch" {
        name          = "patch-hosts"
        document_type = "Command"
        content = jsonencode({
          schemaVersion = "2.2"
          description   = "Patch hosts"
          mainSteps = [{
            action = "aws:runShellScript"
            name   = "patch"
            inputs = { runCommand = ["yum -y update"] }
          }]
        })

        permissions = {  # expect: aws-ssm-document-public
          type        = "Share"
          account_ids = "All"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_ssm_document" "patch" {
        name          = "patch-hosts"
        document_type = "Command"
        content = jsonencode({
          schemaVersion = "2.2"
          description   = "Patch hosts"
          mainSteps = [{
            action = "aws:runShellScript"
            name   = "patch"
            inputs = { runCommand = ["yum -y update"] }
          }]
        })

        permissions = {
          type        = "Share"
          account_ids = "111122223333"
        }
      }
    EOT
  }
}
