rule "aws-sagemaker-domain-direct-internet" {
  title     = "SageMaker Studio domain gives its apps direct internet access"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_sagemaker_domain"]

  description = <<-EOT
    With `app_network_access_type = "PublicInternetOnly"`, the default, Studio apps reach the
    internet through a SageMaker-managed VPC that bypasses your VPC's security groups, network
    ACLs, proxies and flow logs. Code in a notebook (a copied snippet, a malicious package) can
    then send training data and credentials anywhere without passing a control you own. With
    `VpcOnly` all traffic goes through the subnets and security groups you name, where egress can
    be restricted and logged. Network placement is the customer's choice under the shared
    responsibility model. Medium: an uncontrolled exfiltration path from a data-science
    environment, as for notebook instances (aws-sagemaker-notebook-direct-internet).
  EOT
  remediation = <<-EOT
    Route Studio traffic through your VPC:

        resource "aws_sagemaker_domain" "studio" {
          # ...
          app_network_access_type = "VpcOnly"
          vpc_id                  = aws_vpc.ml.id
          subnet_ids              = aws_subnet.ml_private[*].id
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/sagemaker_domain#app_network_access_type",
    "https://docs.aws.amazon.com/sagemaker/latest/dg/studio-notebooks-and-internet-access.html",
  ]

  assert {
    attribute "app_network_access_type" {
      equals  = "VpcOnly"
      default = "PublicInternetOnly"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_sagemaker_domain" "studio" {  # expect: aws-sagemaker-domain-direct-internet
        domain_name = "studio"
        auth_mode   = "IAM"
        vpc_id      = "vpc-0123456789abcdef0"
        subnet_ids  = ["subnet-0123456789abcdef0"]
        default_user_settings {
          execution_role = "arn:aws:iam::123456789012:role/studio"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_sagemaker_domain" "studio" {
        domain_name             = "studio"
        auth_mode               = "IAM"
        vpc_id                  = "vpc-0123456789abcdef0"
        subnet_ids              = ["subnet-0123456789abcdef0"]
        app_network_access_type = "VpcOnly"
        default_user_settings {
          execution_role = "arn:aws:iam::123456789012:role/studio"
        }
      }
    EOT
  }
}
