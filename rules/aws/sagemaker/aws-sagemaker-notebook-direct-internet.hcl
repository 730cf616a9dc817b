rule "aws-sagemaker-notebook-direct-internet" {
  title     = "SageMaker notebook instance has direct internet access"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_sagemaker_notebook_instance"]
  aliases   = ["CKV_AWS_122"]

  description = <<-EOT
    A notebook instance with direct internet access gets a network interface in a
    SageMaker-managed VPC with a route to the internet, outside the customer's VPC, its security
    groups, flow logs and egress controls. Notebooks hold training data, credentials of the
    notebook's execution role and often copies of production data; any code run in them can send
    that anywhere. `direct_internet_access` defaults to `Enabled`. Network placement is the
    customer's side of the shared responsibility model. Severity is medium: an uncontrolled
    egress path (exfiltration risk), not a direct exposure of the data.
  EOT
  remediation = <<-EOT
    Put the notebook in your own VPC and reach the internet, if at all, through your NAT and
    egress controls:

    ```hcl
    resource "aws_sagemaker_notebook_instance" "research" {
      # ...
      subnet_id              = aws_subnet.private.id
      security_groups        = [aws_security_group.notebook.id]
      direct_internet_access = "Disabled"
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_notebook_instance#direct_internet_access",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/appendix-notebook-and-internet-access.html",
  ]

  assert {
    attribute "direct_internet_access" {
      equals  = "Disabled"
      default = "Enabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {  # expect: aws-sagemaker-notebook-direct-internet
        name          = "research"
        role_arn      = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type = "ml.t3.medium"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {
        name                   = "research"
        role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type          = "ml.t3.medium"
        subnet_id              = "subnet-0a1b2c3d"
        security_groups        = ["sg-0123456789abcdef0"]
        direct_internet_access = "Enabled"  # expect: aws-sagemaker-notebook-direct-internet
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sagemaker_notebook_instance" "research" {
        name                   = "research"
        role_arn               = "arn:aws:iam::111122223333:role/sagemaker-notebook"
        instance_type          = "ml.t3.medium"
        subnet_id              = "subnet-0a1b2c3d"
        security_groups        = ["sg-0123456789abcdef0"]
        direct_internet_access = "Disabled"
      }
    EOT
  }
}
