rule "aws-sagemaker-notebook-root-access" {
  title     = "SageMaker notebook instance gives its users root access"
  severity  = "medium"
  area      = "identity-access"
  resources = ["aws_sagemaker_notebook_instance"]
  aliases   = ["CKV_AWS_307"]

  description = <<-EOT
    With root access, every notebook user can change the instance itself: install system
    software, alter lifecycle-configuration results, read other users' files and tamper with
    the logging agents. `root_access` defaults to `Enabled`. Disabling it keeps users to their
    own environment while lifecycle configurations still run as root. Who may administer the
    instance is the customer's side of the shared responsibility model. Severity is medium:
    excess privilege inside the notebook (defence in depth).
  EOT
  remediation = <<-EOT
    Disable root access and do system set-up in a lifecycle configuration:

    ```hcl
    resource "aws_sagemaker_notebook_instance" "research" {
      # ...
      root_access = "Disabled"
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#root_access",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/nbi-root-access.html",
  ]

  assert {
    attribute "root_access" {
      equals  = "Disabled"
      default = "Enabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {  # expect: aws-sagemaker-notebook-root-access
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
        root_access   = "Enabled"  # expect: aws-sagemaker-notebook-root-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
        root_access   = "Disabled"
      }
    EOT
  }
}
