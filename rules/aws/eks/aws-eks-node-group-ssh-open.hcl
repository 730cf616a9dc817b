rule "aws-eks-node-group-ssh-open" {
  title     = "EKS node group allows SSH from anywhere"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_eks_node_group"]
  aliases   = ["CKV_AWS_100"]

  description = <<-EOT
    When a managed node group's `remote_access` block names an `ec2_ssh_key` but no
    `source_security_group_ids`, EKS opens port 22 on the worker nodes to `0.0.0.0/0`. Worker nodes
    run every pod and hold the node role's credentials, so SSH exposed to the internet invites key
    theft and brute force against the whole data plane. Node access is the customer's
    configuration under the shared responsibility model. High: it exposes administrative access to
    the nodes.
  EOT
  remediation = "Set `source_security_group_ids` in `remote_access` to a bastion or VPN security group, or drop `remote_access` and use Session Manager."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/eks_node_group#remote_access-configuration-block",
    "https://docs.aws.amazon.com/eks/latest/APIReference/API_RemoteAccessConfig.html",
  ]

  assert {
    each "remote_access" {
      any {
        attribute "ec2_ssh_key" {
          present = false
        }
        attribute "source_security_group_ids" {
          length_gte = 1
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_eks_node_group" "workers" {
        cluster_name    = "main"
        node_group_name = "workers"
        node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
        subnet_ids      = ["subnet-0123456789abcdef0"]

        scaling_config {
          desired_size = 2
          max_size     = 3
          min_size     = 1
        }

        remote_access {
          ec2_ssh_key = "ops"  # expect: aws-eks-node-group-ssh-open
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_eks_node_group" "workers" {
        cluster_name    = "main"
        node_group_name = "workers"
        node_role_arn   = "arn:aws:iam::123456789012:role/eks-nodes"
        subnet_ids      = ["subnet-0123456789abcdef0"]

        scaling_config {
          desired_size = 2
          max_size     = 3
          min_size     = 1
        }

        remote_access {
          ec2_ssh_key               = "ops"
          source_security_group_ids = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }
}
